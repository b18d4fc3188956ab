import type { ComponentCurves } from '../../cellcycle/types.ts';

/** The fitted components drawn over the histogram, in legend order, with colours that stay apart on a grey fill. */
export const FIT_COMPONENTS: readonly { key: keyof ComponentCurves; name: string; colour: string }[] = [
  { key: 'g1', name: 'G0/G1', colour: '#1f6fb2' },
  { key: 's', name: 'S', colour: '#c77c00' },
  { key: 'g2m', name: 'G2/M', colour: '#2a8a4a' },
  { key: 'subG1Shoulder', name: 'Apoptotic shoulder', colour: '#b0306a' },
  { key: 'debris', name: 'Debris', colour: '#6f6f6f' },
  { key: 'aggregates', name: 'Aggregates', colour: '#7b3fa0' },
  { key: 'second', name: 'Second G0/G1-like population', colour: '#00838f' },
  { key: 'total', name: 'Model total', colour: '#c62828' },
];
