import { it } from 'vitest';
import { suggestApoptosisChannels } from './apoptosis/channels.ts';
import { analyseApoptosisExperiment } from './apoptosis/experiment.ts';
import { layoutExperiment, type LayoutTube } from './apoptosis/layoutExperiment.fixtures.ts';
import { APOPTOSIS_POPULATION_KEYS } from './apoptosis/populations.ts';
import { scatterOf } from './apoptosis/simulatedExperiment.fixtures.ts';
import { DEFAULT_PERCENTILE, DEFAULT_THRESHOLD_RULE } from './apoptosis/thresholds.ts';
import type { InstrumentLayoutName } from './simulate/layouts.ts';

function errors(tubes: LayoutTube[], keep: (t: LayoutTube) => boolean) {
  const used = tubes.filter(keep);
  const channels = used[0].tube.session.dataset.channels;
  const s = suggestApoptosisChannels(channels);
  const analysis = analyseApoptosisExperiment(used.map((t) => ({ ...t.tube, session: t.tube.session })), {
    fluorescence: { annexin: s.annexin.suggested!, pi: s.pi.suggested! }, scatter: scatterOf(channels), compensation: { kind: 'auto' },
    percentile: DEFAULT_PERCENTILE, thresholdRule: DEFAULT_THRESHOLD_RULE,
  });
  let worst = 0; const per: string[] = [];
  for (const t of used) {
    if (t.tube.role !== 'sample' && t.tube.role !== 'untreated') continue;
    const row = analysis.tubes.find((a) => a.name === t.tube.name)!.row;
    const e = APOPTOSIS_POPULATION_KEYS.map((k) => row.percent[k] - 100 * t.truth.fractionsOfSingleCells[k]);
    worst = Math.max(worst, ...e.map(Math.abs));
    per.push(`${t.doseNm}:${e.slice(0, 4).map((x) => x.toFixed(1)).join('/')}`);
  }
  return { worst, per: per.join(' '), thr: `${analysis.sharedThresholds.annexin.toPrecision(3)},${analysis.sharedThresholds.pi.toPrecision(3)}` };
}

it('eval', () => {
  const layouts: InstrumentLayoutName[] = (process.env.LAYOUTS ?? 'cantoII,cantoAreaOnly,cantoAreaOnlyLog,facsCalibur,beckman,beckmanPeak').split(',') as InstrumentLayoutName[];
  for (const layout of layouts) for (const biology of ['textbook', 'messy'] as const) for (const seed of [1, 2]) {
    const tubes = layoutExperiment({ layout, biology, baseSeed: seed });
    const u = errors(tubes, (t) => t.tube.role === 'untreated' || t.tube.role === 'sample');
    const c = errors(tubes, (t) => t.tube.role !== 'untreated');
    console.log(`${layout.padEnd(16)} ${biology.padEnd(8)} s${seed} UNTREATED worst ${u.worst.toFixed(2)} thr ${u.thr} | ${u.per}`);
    console.log(`${''.padEnd(16)} ${''.padEnd(8)}    CONTROLS  worst ${c.worst.toFixed(2)} thr ${c.thr} | ${c.per}`);
  }
}, 600_000);
