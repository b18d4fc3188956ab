/**
 * Known answers on other instruments and messier biology: simulated series (untreated, 10–100 nM, the three controls)
 * written as FACSCalibur, FACSCanto II area-only (float and 10-bit log), Beckman (with and without the FSC peak) and
 * FACSCanto II files, analysed as a user would (channels from the stain names, automatic compensation), and scored
 * against the true fractions of single cells. The table is printed for docs/accuracy.md; FLOWFATE_ACCURACY_SEEDS
 * (e.g. "1,2,3") runs more seeds than the one CI runs, FLOWFATE_ACCURACY_TIME (hours, default 48) and
 * FLOWFATE_ACCURACY_EVENTS (per tube, default 20000) other series than the one the rule was chosen on.
 */
import { describe, expect, it } from 'vitest';
import { INSTRUMENT_LAYOUTS } from '../simulate/layouts.ts';
import { suggestApoptosisChannels } from './channels.ts';
import { analyseApoptosisExperiment } from './experiment.ts';
import { layoutExperiment, type LayoutTube } from './layoutExperiment.fixtures.ts';
import { APOPTOSIS_POPULATION_KEYS } from './populations.ts';
import { scatterOf } from './simulatedExperiment.fixtures.ts';
import { DEFAULT_PERCENTILE, DEFAULT_THRESHOLD_RULE } from './thresholds.ts';
import type { ApoptosisWarningCode } from './warnings.ts';

const env = globalThis.process?.env ?? {};
const SEEDS = (env.FLOWFATE_ACCURACY_SEEDS ?? '1').split(',').map(Number);
const TIME_H = Number(env.FLOWFATE_ACCURACY_TIME ?? 48);
const EVENTS = Number(env.FLOWFATE_ACCURACY_EVENTS ?? 20_000);

/** Which tubes a lab has: the two acceptance cases and the full series. */
const SCENARIOS = {
  'untreated tube only': (t: LayoutTube) => t.tube.role === 'untreated' || t.tube.role === 'sample',
  'single stains + unstained, no untreated': (t: LayoutTube) => t.tube.role !== 'untreated',
  'controls + untreated': () => true,
} as const;
type Scenario = keyof typeof SCENARIOS;

/** Warnings that say a control or untreated tube contradicts its role: every tube here is what it says. */
const ROLE_CODES: readonly ApoptosisWarningCode[] = ['CONTROL_NOT_NEGATIVE', 'CONTROL_NOT_SEPARATED', 'VIABILITY_ALL_POSITIVE'];

/**
 * Largest |measured − true| (points) over the double-stained tubes and the five named populations, and the role
 * warnings raised (false alarms).
 */
function scored(tubes: readonly LayoutTube[]): { worst: number; falseAlarms: string[] } {
  const channels = tubes[0].tube.session.dataset.channels;
  const { annexin, pi } = suggestApoptosisChannels(channels);
  if (!annexin.suggested || !pi.suggested) throw new Error('the simulated files name their stains');
  const analysis = analyseApoptosisExperiment(tubes.map((t) => t.tube), {
    fluorescence: { annexin: annexin.suggested, pi: pi.suggested }, scatter: scatterOf(channels), compensation: { kind: 'auto' },
    percentile: DEFAULT_PERCENTILE, thresholdRule: DEFAULT_THRESHOLD_RULE,
  });
  let worst = 0;
  for (const { tube, truth } of tubes) {
    if (tube.role !== 'sample' && tube.role !== 'untreated') continue;
    const row = analysis.tubes.find((t) => t.name === tube.name)?.row;
    if (!row) throw new Error(`no row for ${tube.name}`);
    for (const key of APOPTOSIS_POPULATION_KEYS) worst = Math.max(worst, Math.abs(row.percent[key] - 100 * truth.fractionsOfSingleCells[key]));
  }
  const falseAlarms = analysis.tubes.flatMap((t) => t.row.warnings).filter((w) => ROLE_CODES.includes(w.code)).map((w) => `${w.file}: ${w.message}`);
  return { worst, falseAlarms };
}

describe('apoptosis accuracy on instrument layouts and messy biology', () => {
  const results = INSTRUMENT_LAYOUTS.flatMap((layout) => (['textbook', 'messy'] as const).map((biology) => {
    const worst = Object.fromEntries(Object.keys(SCENARIOS).map((scenario) => [scenario, 0])) as Record<Scenario, number>;
    const falseAlarms: string[] = [];
    for (const baseSeed of SEEDS) {
      // Fresh sessions per scenario: an analysis leaves its gates on the sessions it ran.
      for (const [scenario, keep] of Object.entries(SCENARIOS) as [Scenario, (t: LayoutTube) => boolean][]) {
        const score = scored(layoutExperiment({ layout, biology, baseSeed, timeH: TIME_H, eventCount: EVENTS }).filter(keep));
        worst[scenario] = Math.max(worst[scenario], score.worst);
        falseAlarms.push(...score.falseAlarms);
      }
    }
    return { layout, biology, worst, falseAlarms };
  }));

  it('prints the worst error per layout, biology and set of tubes', () => {
    const scenarios = Object.keys(SCENARIOS) as Scenario[];
    const lines = [`| layout | biology | ${scenarios.join(' | ')} |`, `|---|---|${scenarios.map(() => '---:|').join('')}`];
    for (const r of results) lines.push(`| ${r.layout} | ${r.biology} | ${scenarios.map((s) => r.worst[s].toFixed(2)).join(' | ')} |`);
    console.log(`seeds ${SEEDS.join(', ')}, ${TIME_H} h, ${EVENTS} events per tube\n${lines.join('\n')}`);
    expect(results).toHaveLength(INSTRUMENT_LAYOUTS.length * 2);
  });

  it('raises no warning that a control or untreated tube contradicts its role, on any layout or biology', () => {
    expect(results.flatMap((r) => r.falseAlarms.map((alarm) => `${r.layout} ${r.biology} ${alarm}`))).toEqual([]);
  });

  it('from the untreated tube alone, every named population is within 2.5 points on every layout (the issue asks 3)', () => {
    for (const r of results) expect(r.worst['untreated tube only'], `${r.layout} ${r.biology}`).toBeLessThanOrEqual(2.5);
  });

  it('with the controls and no pulse channel, with or without the untreated tube, every named population is within 2.5 points (the issue asks 2.5)', () => {
    for (const r of results) {
      expect(r.worst['single stains + unstained, no untreated'], `${r.layout} ${r.biology}`).toBeLessThanOrEqual(2.5);
      expect(r.worst['controls + untreated'], `${r.layout} ${r.biology}`).toBeLessThanOrEqual(2.5);
    }
  });
});
