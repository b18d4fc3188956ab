import { describe, expect, it } from 'vitest';
import { gateKeyAction } from './gateKeys.ts';

describe('gates from the keyboard', () => {
  const gates = ['cells', 'singlets', 'quadrant'];

  it('picks the next or previous gate with Enter and Shift+Enter, round the plot', () => {
    expect(gateKeyAction('Enter', false, gates, null)).toEqual({ kind: 'pick', gateId: 'cells' });
    expect(gateKeyAction('Enter', false, gates, 'quadrant')).toEqual({ kind: 'pick', gateId: 'cells' });
    expect(gateKeyAction('Enter', true, gates, 'cells')).toEqual({ kind: 'pick', gateId: 'quadrant' });
    expect(gateKeyAction('Enter', true, gates, null)).toEqual({ kind: 'pick', gateId: 'quadrant' });
  });

  it('moves the picked gate a pixel per arrow, ten with Shift; edits it with F2', () => {
    expect(gateKeyAction('ArrowLeft', false, gates, 'singlets')).toEqual({ kind: 'move', gateId: 'singlets', delta: { x: -1, y: 0 } });
    expect(gateKeyAction('ArrowUp', true, gates, 'singlets')).toEqual({ kind: 'move', gateId: 'singlets', delta: { x: 0, y: -10 } });
    expect(gateKeyAction('F2', false, gates, 'cells')).toEqual({ kind: 'edit', gateId: 'cells' });
  });

  it('does nothing without a gate picked on this plot, or with other keys', () => {
    expect(gateKeyAction('ArrowLeft', false, gates, 'elsewhere')).toBeNull();
    expect(gateKeyAction('x', false, gates, 'cells')).toBeNull();
    expect(gateKeyAction('Enter', false, [], null)).toBeNull();
  });
});
