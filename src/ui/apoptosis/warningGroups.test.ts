import { describe, expect, it } from 'vitest';
import { warning } from '../../apoptosis/warnings.ts';
import { groupWarnings } from './warningGroups.ts';

describe('warnings by topic', () => {
  it('keeps the topic asked for and names every file a repeated message is about, once', () => {
    const missing = 'No compensation is applied, yet FITC-A spills.';
    const warnings = [
      warning('COMPENSATION_MISSING', 'a.fcs', missing),
      warning('CONTROL_MISSING', null, 'No PI-only control was given.'),
      warning('COMPENSATION_MISSING', 'b.fcs', missing),
      warning('COMPENSATION_MISSING', 'a.fcs', missing),
      warning('COMPENSATION_RESIDUAL', 'pi.fcs', 'Still 3% after compensation.'),
    ];
    expect(groupWarnings(warnings, 'compensation')).toEqual([
      { code: 'COMPENSATION_MISSING', message: missing, files: ['a.fcs', 'b.fcs'] },
      { code: 'COMPENSATION_RESIDUAL', message: 'Still 3% after compensation.', files: ['pi.fcs'] },
    ]);
    expect(groupWarnings(warnings, 'controls')).toEqual([{ code: 'CONTROL_MISSING', message: 'No PI-only control was given.', files: [] }]);
    expect(groupWarnings(warnings, 'gates')).toEqual([]);
  });
});
