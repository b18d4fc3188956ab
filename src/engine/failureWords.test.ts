import { describe, expect, it } from 'vitest';
import { WorkspaceError } from '../analysis/workspace.ts';
import { failureWords } from './failureWords.ts';
import { WorkerFailedError } from './watchedWorker.ts';

describe('failureWords', () => {
  it("shows FlowFate's own sentences and hides every internal error's text", () => {
    expect(failureWords(new WorkspaceError('this is not a FlowFate workspace: it is not JSON'))).toBe('this is not a FlowFate workspace: it is not JSON');
    expect(failureWords(new WorkerFailedError('the engine stopped answering and was restarted'))).toBe('the engine stopped answering and was restarted');
    expect(failureWords(new TypeError("Cannot read properties of undefined (reading 'datasets')"))).toBe('an unexpected problem stopped it');
    expect(failureWords(new DOMException('The requested file could not be read', 'NotReadableError'), 'it could not be read; choose it again')).toBe('it could not be read; choose it again');
    expect(failureWords('a thrown string')).toBe('an unexpected problem stopped it');
  });
});
