/**
 * Where every exported number comes from: for each tube, the file (name and SHA-256 of its bytes), the data set,
 * and every gate of the tube's strategy with its path, type, dimensions (channel, compensation, transform),
 * coordinates and compensation matrix, with the FlowFate version and the time of the export.
 */
import type { Assay } from '../analysis/sampleSheet.ts';
import type { SpectrumMatrix } from '../compensation/types.ts';
import { type Table, text } from '../export/table.ts';
import type { SpilloverMatrix } from '../fcs/types.ts';
import { gateDimensions, listPopulations, orderGates } from '../gating/strategy.ts';
import type { Dimension, Gate, GatingStrategy } from '../gating/types.ts';

export interface TubeProvenance {
  tube: string;
  fileName: string;
  /** Lower-case hex SHA-256 of the whole file. */
  sha256: string;
  /** "1 of 1". */
  dataset: string;
  assay: Assay | null;
  /** The gating the tube's numbers were counted with; null when it was not gated. */
  strategy: GatingStrategy | null;
  /** The file's own spillover, which compensation "FCS" uses. */
  fileSpillover: SpilloverMatrix | null;
}

export interface ExportStamp {
  version: string;
  exportedAt: Date;
}

const number = (v: number) => String(Number(v.toPrecision(8)));

function dimensionText(dimension: Dimension, strategy: GatingStrategy): string {
  const source = dimension.source.kind === 'channel' ? dimension.source.name : `ratio ${dimension.source.ratioId}`;
  const compensation = dimension.compensation === 'uncompensated' ? 'uncompensated' : dimension.compensation === 'FCS' ? "file's spillover" : `matrix ${dimension.compensation}`;
  const transform = dimension.transform === null ? 'data units' : transformText(strategy, dimension.transform);
  return `${source} (${compensation}; ${transform})`;
}

function transformText(strategy: GatingStrategy, id: string): string {
  const transform = strategy.transforms[id];
  if (!transform) return `transform ${id}`;
  const { kind, ...parameters } = transform;
  return `${kind} ${Object.entries(parameters).map(([k, v]) => `${k}=${typeof v === 'number' ? number(v) : String(v)}`).join(', ')}`.trim();
}

const bound = (v: number | null, infinite: string) => (v === null ? infinite : number(v));

function coordinates(gate: Gate): string {
  switch (gate.kind) {
    case 'rectangle':
      return gate.bounds.map((b) => `[${bound(b.min, '−∞')}, ${bound(b.max, '+∞')})`).join(' × ');
    case 'polygon':
      return gate.vertices.map(([x, y]) => `(${number(x)}, ${number(y)})`).join(' ');
    case 'ellipsoid':
      return `mean (${gate.mean.map(number).join(', ')}); covariance [${gate.covariance.map((row) => row.map(number).join(' ')).join('; ')}]; distance² ${number(gate.distanceSquare)}`;
    case 'quadrant':
      return gate.dividers.map((d) => `${d.id} at ${d.values.map(number).join(', ')}`).join('; ');
    case 'boolean':
      return `${gate.operator}(${gate.operands.map((o) => `${o.complement ? 'not ' : ''}${o.populationId}`).join(', ')})`;
    default: {
      const unknown: never = gate;
      throw new RangeError(`unknown gate ${JSON.stringify(unknown)}`);
    }
  }
}

function matrixText(fluorochromes: readonly string[], detectors: readonly string[], rows: readonly (readonly number[])[]): string {
  return fluorochromes.map((from, i) => detectors.map((to, j) => (i === j && from === to ? null : `${from}→${to} ${number(rows[i][j])}`)).filter((c) => c !== null).join(', ')).join('; ');
}

/** The matrices a gate's dimensions read, written out. */
function compensationText(gate: Gate, strategy: GatingStrategy, fileSpillover: SpilloverMatrix | null): string {
  const refs = [...new Set(gateDimensions(gate).map((d) => d.compensation))].filter((ref) => ref !== 'uncompensated');
  return refs
    .map((ref) => {
      if (ref === 'FCS') return fileSpillover ? `file's ${fileSpillover.source}: ${matrixText(fileSpillover.channels, fileSpillover.channels, fileSpillover.matrix)}` : "file's spillover: none in the file (uncompensated)";
      const matrix: SpectrumMatrix | undefined = strategy.compensations[ref];
      return matrix ? `matrix ${ref}: ${matrixText(matrix.fluorochromes, matrix.detectors, matrix.coefficients)}` : `matrix ${ref}`;
    })
    .join(' | ') || 'none';
}

export const PROVENANCE_COLUMNS = [
  'File', 'SHA-256', 'Data set', 'Assay', 'Gate path', 'Gate type', 'Dimensions (compensation; transform)', 'Coordinates', 'Compensation', 'FlowFate version', 'Exported at',
];

export function provenanceTable(tubes: readonly TubeProvenance[], stamp: ExportStamp): Table {
  const exported = stamp.exportedAt.toISOString();
  const rows = tubes.flatMap((tube) => {
    const fixed = [text(tube.fileName), text(tube.sha256), text(tube.dataset), text(tube.assay ?? '')];
    const end = [text(stamp.version), text(exported)];
    const strategy = tube.strategy;
    if (!strategy || strategy.gates.length === 0) return [[...fixed, text(''), text(''), text(''), text('not gated'), text(''), ...end]];
    const names = new Map(listPopulations(strategy).map((p) => [p.id, p]));
    const path = (id: string | null): string[] => (id === null ? [] : [...path(names.get(id)?.parentId ?? null), names.get(id)?.name ?? id]);
    return orderGates(strategy).map((gate) => [
      ...fixed,
      text(['All events', ...path(gate.parentId), gate.name].join(' / ')),
      text(gate.kind),
      text(gateDimensions(gate).map((d) => dimensionText(d, strategy)).join(' × ')),
      text(coordinates(gate)),
      text(compensationText(gate, strategy, tube.fileSpillover)),
      ...end,
    ]);
  });
  return { columns: PROVENANCE_COLUMNS, rows };
}
