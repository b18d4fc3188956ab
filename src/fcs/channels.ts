import { FcsError, quoted } from './errors.ts';
import { parseCount, parseDecimal, requireCount, requireKeyword } from './keywordValues.ts';
import type { Channel, DataType, FcsWarning, Keywords } from './types.ts';
import { listForMessage, makeWarning } from './warnings.ts';

const DATA_TYPES = new Set<string>(['I', 'F', 'D', 'A']);

export function parseDataType(text: string, key: string): DataType {
  const value = text.trim().toUpperCase();
  if (!DATA_TYPES.has(value)) {
    throw new FcsError('BAD_KEYWORD', `the data type (${key}) is ${quoted(text)}; it must be I (integer), F (float), D (double) or A (ASCII)`);
  }
  return value as DataType;
}

function parseAmplification(text: string | undefined): [number, number] | null {
  if (text === undefined) return [0, 0];
  const parts = text.split(',');
  if (parts.length !== 2) return null;
  const f1 = parseDecimal(parts[0]);
  const f2 = parseDecimal(parts[1]);
  return f1 === null || f2 === null || f1 < 0 || f2 < 0 ? null : [f1, f2];
}

/**
 * Builds the $Pn* description of every parameter. $PAR is checked against the number of TEXT keywords
 * (each parameter needs at least $PnB) so that a lying $PAR cannot make us loop or allocate.
 */
export function readChannels(keywords: Keywords, dataType: DataType, warnings: FcsWarning[]): Channel[] {
  const parameterCount = requireCount(keywords, '$PAR');
  const keywordCount = Object.keys(keywords).length;
  if (parameterCount > keywordCount) {
    throw new FcsError('BAD_KEYWORD', `the file says it has ${parameterCount} parameters ($PAR) but its keywords describe only ${keywordCount}`);
  }
  const channels: Channel[] = [];
  const unnamed: number[] = [];
  const badRange: string[] = [];
  const badAmplification: string[] = [];
  const badGain: string[] = [];
  for (let n = 1; n <= parameterCount; n++) {
    const rawName = keywords[`$P${n}N`]?.trim();
    const name = rawName || `P${n}`;
    if (!rawName) unnamed.push(n);
    const bitsText = requireKeyword(keywords, `$P${n}B`).trim();
    const bits = bitsText === '*' ? null : parseCount(bitsText);
    if (bitsText !== '*' && bits === null) {
      throw new FcsError('BAD_KEYWORD', `the bit width of parameter ${name} ($P${n}B) is not a number (${quoted(bitsText)})`);
    }
    const range = parseDecimal(keywords[`$P${n}R`]);
    if (range === null || range <= 0) badRange.push(name);
    const amplification = parseAmplification(keywords[`$P${n}E`]);
    if (amplification === null) badAmplification.push(name);
    const gainText = keywords[`$P${n}G`];
    const gain = gainText === undefined ? 1 : parseDecimal(gainText);
    if (gain === null || gain < 0) badGain.push(name);
    const typeText = keywords[`$P${n}DATATYPE`];
    channels.push({
      index: n,
      name,
      label: keywords[`$P${n}S`]?.trim() || null,
      bits,
      range: range ?? 0,
      amplification: amplification ?? [0, 0],
      gain: gain === null || gain < 0 ? 1 : gain,
      datatype: typeText === undefined ? dataType : parseDataType(typeText, `$P${n}DATATYPE`),
    });
  }
  if (unnamed.length > 0) {
    warnings.push(makeWarning('PNN_MISSING', `Parameters ${listForMessage(unnamed.map(String))} have no name ($PnN); they were named P1, P2, ...`));
  }
  if (badRange.length > 0) {
    warnings.push(
      makeWarning('RANGE_INVALID', `The range ($PnR) of ${listForMessage(badRange)} is missing or not a positive number; values were not masked and the range was read as 0.`),
    );
  }
  if (badAmplification.length > 0) {
    warnings.push(
      makeWarning('AMPLIFICATION_INVALID', `The amplification ($PnE) of ${listForMessage(badAmplification)} is not "decades,offset"; those channels were read as linear.`),
    );
  }
  if (badGain.length > 0) {
    warnings.push(makeWarning('GAIN_INVALID', `The gain ($PnG) of ${listForMessage(badGain)} is not a number; it was read as 1.`));
  }
  const names = channels.map((c) => c.name);
  const repeated = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
  if (repeated.length > 0) {
    warnings.push(
      makeWarning('DUPLICATE_CHANNEL_NAMES', `Several parameters share a name (${listForMessage(repeated)}); pick channels by their number to be sure which one you mean.`),
    );
  }
  return channels;
}
