import { describe, expect, it } from 'vitest';
import type { FigureLabel } from '../tools/figures.ts';
import { layoutLabels, type MeasureText, NAME_LINE_PX, VALUE_LINE_PX } from './labelLayout.ts';

const area = { left: 62, top: 12, right: 386, bottom: 252 };
const measure: MeasureText = (text, line) => text.length * (line === 'name' ? 6 : 8);

function label(populationId: string, name: string, x: number, y: number, align: FigureLabel['align'] = 'middle', anchor?: { x: number; y: number }): FigureLabel {
  return { populationId, name, at: { x, y }, align, anchor };
}

/** The drawn box of a placed label, as the layout reserves it. */
function boxOf(placed: ReturnType<typeof layoutLabels>['placed'][number]) {
  const width = Math.max(measure(placed.value, 'value'), placed.showName ? measure(placed.label.name, 'name') : 0);
  const left = placed.label.align === 'start' ? placed.at.x : placed.label.align === 'middle' ? placed.at.x - width / 2 : placed.at.x - width;
  const height = VALUE_LINE_PX + (placed.showName ? NAME_LINE_PX : 0);
  return { left, right: left + width, top: placed.at.y + 4 - height, bottom: placed.at.y + 4 };
}

describe('placing population labels on a plot', () => {
  it('keeps a label where its figure puts it when the place is free', () => {
    const { placed, unplaced } = layoutLabels([{ label: label('a', 'Cells', 200, 100), value: '95.05%' }], area, measure);
    expect(placed).toEqual([{ label: label('a', 'Cells', 200, 100), showName: true, value: '95.05%', at: { x: 200, y: 100 }, leader: null }]);
    expect(unplaced).toEqual([]);
  });

  it('moves a label sideways into the plot instead of letting the edge cut it off', () => {
    const [right] = layoutLabels([{ label: label('a', 'DNA singlets', 384, 100), value: '90.24%' }], area, measure).placed;
    expect(boxOf(right).right).toBeLessThanOrEqual(area.right);
    const [left] = layoutLabels([{ label: label('b', 'Cells', 64, 100), value: '95.05%' }], area, measure).placed;
    expect(boxOf(left).left).toBeGreaterThanOrEqual(area.left);
  });

  it('stacks the labels of narrow neighbouring ranges instead of running "55.32%23.80%" together, with a leader to the range', () => {
    const bar = 46;
    const requests = [
      { label: label('sub-g1', 'Sub-G1', 120, 36, 'middle', { x: 120, y: bar }), value: '2.16%' },
      { label: label('g0g1', 'G0/G1', 196, 36, 'middle', { x: 196, y: bar }), value: '55.32%' },
      { label: label('s', 'S', 226, 36, 'middle', { x: 226, y: bar }), value: '23.80%' },
      { label: label('g2m', 'G2/M', 300, 36, 'middle', { x: 300, y: bar }), value: '18.25%' },
    ];
    const { placed, unplaced } = layoutLabels(requests, area, measure);
    expect(unplaced).toEqual([]);
    expect(placed.every((p) => p.showName)).toBe(true);
    const boxes = placed.map(boxOf);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, `${placed[i].label.name} and ${placed[j].label.name}`).toBe(true);
      }
    }
    const s = placed.find((p) => p.label.populationId === 's');
    expect(s?.at.y).toBeGreaterThan(36);
    expect(s?.leader?.[1]).toEqual({ x: 226, y: bar });
  });

  it('drops the name line, then the label itself, when a plot is too crowded', () => {
    const tiny = { left: 0, top: 0, right: 60, bottom: 36 };
    const requests = ['a', 'b', 'c'].map((id) => ({ label: label(id, 'A long population name', 30, 30), value: '10.00%' }));
    const { placed, unplaced } = layoutLabels(requests, tiny, measure);
    expect(placed.map((p) => p.showName)).toEqual([false, false]);
    expect(unplaced.map((u) => u.label.populationId)).toEqual(['c']);
  });
});
