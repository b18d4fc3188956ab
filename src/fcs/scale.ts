import { quoted } from './errors.ts';
import { parseDecimal } from './keywordValues.ts';
import type { Channel, FcsDataset, FcsWarning, Keywords } from './types.ts';
import { listForMessage, makeWarning } from './warnings.ts';

/** FCS 3.2 §3.3.48 and §3.3.64: the time parameter is the one named "Time", case-insensitively. */
export function isTimeChannel(channel: Channel): boolean {
  return channel.name.trim().toLowerCase() === 'time';
}

/** $TIMESTEP in seconds, or null when absent or not a positive number. */
export function timestepSeconds(keywords: Keywords): number | null {
  const value = parseDecimal(keywords['$TIMESTEP']);
  return value !== null && value > 0 ? value : null;
}

function isIntegerData(channel: Channel): boolean {
  return channel.datatype === 'I' || channel.datatype === 'A';
}

/** True when the channel is log-amplified in a way that must be decoded: $PnE f1 > 0 on integer data (FCS 3.2 §3.3.43). */
function isLogDecoded(channel: Channel): boolean {
  return channel.amplification[0] > 0 && isIntegerData(channel);
}

/** A gain that scales values: $PnG other than 0 or 1, on a linear, non-time channel (FCS 3.2 §3.3.46 forbids it with log $PnE). */
function effectiveGain(channel: Channel): number {
  if (isTimeChannel(channel) || channel.amplification[0] > 0) return 1;
  return channel.gain > 0 ? channel.gain : 1;
}

/**
 * Scaled ("channel") values of one parameter, computed in float64:
 * log-amplified integer data: f2' * 10^(f1 * raw / $PnR) with f2' = f2, or 1 when f2 = 0 (FCS 3.2 §3.3.43);
 * linear data: raw / $PnG; the time parameter: raw * $TIMESTEP.
 * `position` is the 0-based index into `dataset.channels`. Returns the raw Float32Array itself when
 * scaling is the identity; otherwise a new Float64Array (float32 results would lose ~1e-8 against FlowIO).
 */
export function scaledColumn(dataset: FcsDataset, position: number): Float32Array | Float64Array {
  const channel = dataset.channels[position];
  const raw = dataset.columns[position];
  if (!channel || !raw) throw new RangeError(`scaledColumn: no channel at position ${position} (the data set has ${dataset.channels.length})`);
  const n = raw.length;
  if (isLogDecoded(channel)) {
    const [decades, offset] = channel.amplification;
    const f2 = offset === 0 ? 1 : offset;
    const range = channel.range > 0 ? channel.range : 1;
    const perUnit = decades / range;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = f2 * 10 ** (perUnit * raw[i]);
    return out;
  }
  const timestep = isTimeChannel(channel) ? (timestepSeconds(dataset.keywords) ?? 1) : 1;
  const gain = effectiveGain(channel);
  if (timestep === 1 && gain === 1 && raw instanceof Float32Array) return raw;
  const out = new Float64Array(n);
  if (gain !== 1) for (let i = 0; i < n; i++) out[i] = raw[i] / gain;
  else if (timestep !== 1) for (let i = 0; i < n; i++) out[i] = raw[i] * timestep;
  else out.set(raw);
  return out;
}

/** Warnings about scaling, recorded at read time so the user sees them before analysing. */
export function scalingWarnings(channels: Channel[], keywords: Keywords): FcsWarning[] {
  const warnings: FcsWarning[] = [];
  const f2Zero = channels.filter((c) => isLogDecoded(c) && c.amplification[1] === 0).map((c) => c.name);
  if (f2Zero.length > 0) {
    warnings.push(
      makeWarning('PNE_F2_ZERO', `The log amplification of ${listForMessage(f2Zero)} has offset 0 ($PnE "decades,0"), which is invalid; it was read as 1, as other programs do.`),
    );
  }
  const logFloat = channels.filter((c) => c.amplification[0] > 0 && !isIntegerData(c)).map((c) => c.name);
  if (logFloat.length > 0) {
    warnings.push(
      makeWarning('LOG_ON_FLOAT', `${listForMessage(logFloat)} store floating-point values but declare log amplification ($PnE); as the FCS standard says, the values were used as stored.`),
    );
  }
  const gainOnLog = channels.filter((c) => c.amplification[0] > 0 && c.gain !== 1 && c.gain !== 0).map((c) => c.name);
  if (gainOnLog.length > 0) {
    warnings.push(makeWarning('GAIN_ON_LOG_CHANNEL', `${listForMessage(gainOnLog)} combine a gain ($PnG) with log amplification; the gain was ignored (FCS 3.2 §3.3.46).`));
  }
  const zeroGain = channels.filter((c) => c.gain === 0).map((c) => c.name);
  if (zeroGain.length > 0) {
    warnings.push(makeWarning('GAIN_INVALID', `The gain ($PnG) of ${listForMessage(zeroGain)} is 0; it was ignored.`));
  }
  const hasTime = channels.some(isTimeChannel);
  if (hasTime && keywords['$TIMESTEP'] !== undefined && timestepSeconds(keywords) === null) {
    warnings.push(makeWarning('TIMESTEP_INVALID', `The time step ($TIMESTEP ${quoted(keywords['$TIMESTEP'])}) is not a positive number; time is shown in raw units.`));
  }
  return warnings;
}

function maxRange(dataset: Pick<FcsDataset, 'channels'>): number {
  return dataset.channels.reduce((max, c) => Math.max(max, c.range), 0);
}

/**
 * Index into `file.datasets` of the data set to analyse by default: the first, unless a later data set
 * records the same events (same event count) with at least as many parameters at a higher resolution
 * (larger maximum $PnR). That is the Beckman LMD layout: a 10-bit FCS 2.0 copy first, the full-resolution
 * FCS 3.0 data second. Among several such data sets the one with the largest range wins.
 */
export function defaultDatasetIndex(file: { datasets: readonly Pick<FcsDataset, 'eventCount' | 'channels'>[] }): number {
  const first = file.datasets[0];
  if (!first) return 0;
  let best = 0;
  let bestRange = maxRange(first);
  file.datasets.forEach((dataset, i) => {
    const range = maxRange(dataset);
    if (i > 0 && dataset.eventCount === first.eventCount && dataset.channels.length >= first.channels.length && range > bestRange) {
      best = i;
      bestRange = range;
    }
  });
  return best;
}
