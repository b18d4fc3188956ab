/** What the app does when a worker of the engine was replaced (enginePool.ts): the user is told in one sentence. */
import type { AppStore } from '../state/store.ts';
import type { RestartReport } from './enginePool.ts';

const wereReopened = (count: number) => `${count} ${count === 1 ? 'file was' : 'files were'} reopened`;

/** The sentence for a restart that reopened `reopened` samples and could not reopen the named files. */
export function restartSentence(reopened: number, lost: readonly string[]): string {
  const start = 'The analysis engine stopped responding, so it was restarted';
  if (lost.length === 0) return `${start}${reopened > 0 ? ` and its ${wereReopened(reopened)}` : ''}; nothing was lost.`;
  const names = lost.map((name) => `"${name}"`).join(', ');
  return `${start}; ${reopened > 0 ? `${wereReopened(reopened)}, but ` : ''}${names} could not be: open ${lost.length === 1 ? 'it' : 'them'} again (gates and analyses are kept).`;
}

/** Marks the samples that could not be reopened with why, and tells the user what happened. */
export function reportRestart(report: RestartReport, store: AppStore): void {
  const { samples, setSampleStatus, notify } = store.getState();
  const lost = report.lost.flatMap(({ id, error }) => {
    const entry = samples.find((e) => e.id === id);
    if (!entry) return [];
    setSampleStatus(id, { kind: 'error', error });
    return [entry.fileName];
  });
  notify({ error: lost.length > 0, text: restartSentence(report.reopened.length, lost) });
}
