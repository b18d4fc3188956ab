import type { GatingStrategy } from './types.ts';

/** An apoptosis template touching every gate kind, transform kind, a ratio and an edited matrix (JSON and Gating-ML tests). */
export const template: GatingStrategy = {
  version: 1,
  transforms: {
    display: { kind: 'arcsinh', cofactor: 150 },
    fitc: { kind: 'biex', maxValue: 262144, positiveDecades: 4.42, negativeDecades: 0, widthBasis: -10 },
    pi: { kind: 'logicle', T: 262144, W: 0.5, M: 4.5, A: 0 },
    scatter: { kind: 'linear', T: 262144, A: 0 },
    legacyLog: { kind: 'log', T: 262144, M: 4.5 },
    gatingMlAsinh: { kind: 'asinh', T: 262144, M: 4.5, A: 0.5 },
    hyper: { kind: 'hyperlog', T: 262144, W: 0.5, M: 4.5, A: 0 },
  },
  ratios: { widthRatio: { numerator: 'FSC-A', denominator: 'FSC-H', A: 1, B: 0, C: 0 } },
  compensations: { edited: { fluorochromes: ['FITC-A', 'PE-A'], detectors: ['FITC-A', 'PE-A'], coefficients: [[1, 0.12], [0.02, 1]] } },
  gates: [
    {
      kind: 'polygon',
      id: 'cells',
      name: 'Cells',
      parentId: null,
      dimensions: [
        { source: { kind: 'channel', name: 'FSC-A' }, compensation: 'uncompensated', transform: null },
        { source: { kind: 'channel', name: 'SSC-A' }, compensation: 'uncompensated', transform: null },
      ],
      vertices: [[1e4, 1e4], [2.5e5, 1e4], [2.5e5, 2.5e5]],
    },
    {
      kind: 'rectangle',
      id: 'singlets',
      name: 'Singlets',
      parentId: 'cells',
      bounds: [{ dimension: { source: { kind: 'ratio', ratioId: 'widthRatio' }, compensation: 'uncompensated', transform: null }, min: 0.8, max: 1.3 }],
    },
    {
      kind: 'quadrant',
      id: 'apoptosis',
      name: 'Annexin V / PI',
      parentId: 'singlets',
      dividers: [
        { id: 'annexin', dimension: { source: { kind: 'channel', name: 'FITC-A' }, compensation: 'edited', transform: null }, values: [1200] },
        { id: 'pi', dimension: { source: { kind: 'channel', name: 'PE-A' }, compensation: 'FCS', transform: null }, values: [900] },
      ],
      quadrants: [
        { id: 'viable', name: 'AnnexinV−/PI−', positions: [{ dividerId: 'annexin', interval: 0 }, { dividerId: 'pi', interval: 0 }] },
        { id: 'early', name: 'AnnexinV+/PI−', positions: [{ dividerId: 'annexin', interval: 1 }, { dividerId: 'pi', interval: 0 }] },
      ],
    },
    { kind: 'boolean', id: 'notViable', name: 'Not viable', parentId: 'singlets', operator: 'not', operands: [{ populationId: 'viable', complement: false }] },
    {
      kind: 'ellipsoid',
      id: 'blob',
      name: 'Blob',
      parentId: null,
      dimensions: [
        { source: { kind: 'channel', name: 'FITC-A' }, compensation: 'FCS', transform: 'fitc' },
        { source: { kind: 'channel', name: 'PE-A' }, compensation: 'FCS', transform: 'pi' },
      ],
      mean: [0.5, 0.5],
      covariance: [[0.01, 0], [0, 0.02]],
      distanceSquare: 1,
    },
  ],
};
