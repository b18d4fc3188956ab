/**
 * Errors as a user may read them: the sentences FlowFate writes itself (a workspace it cannot use, a worker that
 * stopped) are shown as they are; anything else is an internal fault, whose text is never shown.
 */
import { WorkspaceError } from '../analysis/workspace.ts';
import { WorkerFailedError } from './watchedWorker.ts';

export function failureWords(error: unknown, otherwise = 'an unexpected problem stopped it'): string {
  return error instanceof WorkspaceError || error instanceof WorkerFailedError ? error.message : otherwise;
}
