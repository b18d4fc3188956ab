/**
 * Automatic Cells and Singlets gates of one open sample (cellsGate.ts and singletGate.ts describe the methods), on
 * whatever scatter the file has: areas, heights (FACSCalibur) or Beckman's integrals, linear or log-amplified (the
 * reader decodes $PnE, so both gates work on linear values). Without a pulse pair there is no singlet gate.
 */
import { channelTop } from '../analysis/axes.ts';
import type { SampleSession } from '../analysis/sampleSession.ts';
import { selectInPolygon } from '../gating/regions.ts';
import { suggestCellsGate } from './cellsGate.ts';
import type { ScatterChannels } from '../channels/scatter.ts';
import { suggestSingletGate } from './singletGate.ts';
import type { PreGateVertices } from './strategy.ts';
import { warning, type ApoptosisWarning } from './warnings.ts';

export interface PreGateSuggestion {
  vertices: PreGateVertices;
  warnings: ApoptosisWarning[];
}

/** Suggests both pre-gates from the sample's own scatter; `file` names the sample in warnings. */
export function suggestPreGates(session: SampleSession, scatter: ScatterChannels, file: string): PreGateSuggestion {
  const column = (name: string) => session.values({ channel: name, compensation: 'uncompensated' });
  const top = (name: string) => {
    const channel = session.dataset.channels.find((c) => c.name === name);
    if (!channel) throw new RangeError(`${file}: no channel "${name}"`);
    return channelTop(channel);
  };
  const fsc = column(scatter.fsc);
  const ssc = column(scatter.ssc);
  const cells = suggestCellsGate(fsc, ssc, null, [top(scatter.fsc), top(scatter.ssc)]);
  const warnings = cells.method === 'tail'
    ? [warning('NO_DEBRIS_VALLEY', file, `No debris population was found on ${scatter.fsc} × ${scatter.ssc}, so the Cells gate was placed below the main population's lower tail; check that it keeps the small dying cells.`)]
    : [];
  const pair = scatter.singletPulse;
  if (!pair) return { vertices: { cells: cells.vertices, singlets: null }, warnings };
  const all = session.evaluator.indices(null);
  const cellEvents = selectInPolygon(all, fsc, ssc, cells.vertices, new Uint32Array(all.length));
  const singlets = suggestSingletGate(column(pair.area), column(pair.pulse), pair.kind, cellEvents);
  return { vertices: { cells: cells.vertices, singlets: singlets.vertices }, warnings };
}
