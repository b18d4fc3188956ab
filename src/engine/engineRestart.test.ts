import { describe, expect, it } from 'vitest';
import { restartSentence } from './engineRestart.ts';

describe('restartSentence', () => {
  it('says in one sentence that the engine was restarted and what became of the files', () => {
    expect(restartSentence(3, [])).toBe('The analysis engine stopped responding, so it was restarted and its 3 files were reopened; nothing was lost.');
    expect(restartSentence(1, [])).toBe('The analysis engine stopped responding, so it was restarted and its 1 file was reopened; nothing was lost.');
    expect(restartSentence(0, [])).toBe('The analysis engine stopped responding, so it was restarted; nothing was lost.');
    expect(restartSentence(2, ['b.fcs'])).toBe('The analysis engine stopped responding, so it was restarted; 2 files were reopened, but "b.fcs" could not be: open it again (gates and analyses are kept).');
    expect(restartSentence(0, ['a.fcs', 'b.fcs'])).toBe('The analysis engine stopped responding, so it was restarted; "a.fcs", "b.fcs" could not be: open them again (gates and analyses are kept).');
  });
});
