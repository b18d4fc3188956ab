import { describe, expect, it } from 'vitest';
import { readFcs } from '../fcs/read.ts';
import { writeFcs } from '../fcs/write.ts';
import { simulateApoptosisSample } from './apoptosisModel.ts';
import { apoptosisParamsForTreatment } from './drugResponse.ts';
import { inLayout, INSTRUMENT_LAYOUTS } from './layouts.ts';

const sample = simulateApoptosisSample(apoptosisParamsForTreatment(50, 48, 3000), 5);
const read = (layout: (typeof INSTRUMENT_LAYOUTS)[number], stainLabels = true) => {
  const file = inLayout(sample, layout, { stainLabels });
  return { file, dataset: readFcs(writeFcs(file.input, { datatype: file.datatype })).datasets[0] };
};
const column = (dataset: ReturnType<typeof read>['dataset'], name: string) => dataset.columns[dataset.channels.findIndex((c) => c.name === name)];

describe('instrument layouts of a simulated tube', () => {
  it('keeps the truth and the labels whatever the layout', () => {
    for (const layout of INSTRUMENT_LAYOUTS) {
      const { file } = read(layout);
      expect(file.truth).toBe(sample.truth);
      expect(file.labels).toBe(sample.labels);
    }
  });

  it('writes a FACSCalibur tube: heights only, 10-bit integers, log-amplified fluorescence decoding to the signal, no matrix', () => {
    const { dataset } = read('facsCalibur');
    expect(dataset.channels.map((c) => [c.name, c.label, c.range, c.amplification])).toEqual([
      ['FSC-H', null, 1024, [0, 0]], ['SSC-H', null, 1024, [0, 0]], ['FL1-H', 'Annexin V', 1024, [4, 0]], ['FL2-H', 'PI', 1024, [4, 0]],
      ['FL3-H', null, 1024, [4, 0]], ['FL2-A', null, 1024, [0, 0]], ['Time', null, 1024, [0, 0]],
    ]);
    expect(dataset.spillover).toBeNull();
    expect(dataset.keywords.$CYT).toBe('FACSCalibur');
    const raw = column(dataset, 'FL1-H');
    expect(Math.max(...raw)).toBeLessThanOrEqual(1023);
    expect(raw.every((v) => Number.isInteger(v))).toBe(true);
  });

  it('encodes a log channel so that the reader decodes it to the signal within one channel (0.9%)', () => {
    const calibur = inLayout(sample, 'facsCalibur', { stainLabels: true });
    const [dataset] = readFcs(writeFcs(calibur.input, { datatype: 'I' })).datasets;
    // The FL1-H height is the compensated FITC area times the FSC height/area ratio, ÷ 8.
    const fitc = sample.input.columns[6];
    const fscA = sample.input.columns[0];
    const fscH = sample.input.columns[1];
    const decoded = 10 ** (4 / 1024);
    let checked = 0;
    for (let e = 0; e < 3000 && checked < 50; e++) {
      const height = ((fitc[e] - 0.013 * sample.input.columns[7][e]) / (1 - 0.21 * 0.013) / 8) * (fscH[e] / fscA[e]);
      // Below the first decade the channel is 0; above the fourth it is the top channel.
      if (height < 100 || height > 9000) continue;
      const value = 10 ** ((4 * column(dataset, 'FL1-H')[e]) / 1024);
      expect(value / height).toBeGreaterThan(1 / decoded - 0.02);
      expect(value / height).toBeLessThan(decoded + 0.02);
      checked++;
    }
    expect(checked).toBe(50);
  });

  it('writes area-only and Beckman tubes without a pulse pair, and Beckman with its FSC peak when asked', () => {
    expect(read('cantoAreaOnly').dataset.channels.map((c) => c.name)).toEqual(['FSC-A', 'SSC-A', 'FITC-A', 'PE-A', 'Time']);
    expect(read('cantoAreaOnly').dataset.spillover).not.toBeNull();
    expect(read('cantoAreaOnlyLog').dataset.channels.every((c) => c.name === 'Time' || c.amplification[0] === 4)).toBe(true);
    expect(read('beckman').dataset.channels.map((c) => c.name)).toEqual(['FS INT LIN', 'SS INT LIN', 'FL1 INT LOG', 'FL2 INT LOG', 'FL3 INT LOG', 'TIME']);
    expect(read('beckmanPeak').dataset.channels.map((c) => c.name)).toContain('FS PEAK LIN');
    expect(read('cantoII', false).dataset.channels.every((c) => c.label === null)).toBe(true);
  });
});
