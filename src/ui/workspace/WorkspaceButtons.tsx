import { parseWorkspace } from '../../analysis/workspace.ts';
import { failureWords } from '../../engine/failureWords.ts';
import { openWorkspace, workspaceFileText } from '../../engine/workspace.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { useClient } from '../context.ts';
import { downloadBlob } from '../files/download.ts';
import { FilePickerButton } from '../files/FilePickerButton.tsx';
import { MessageLine } from '../Notice.tsx';
import { MissingFiles } from './MissingFiles.tsx';

const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium' });

/** Save the session as a workspace file (gates, sample sheet, analyses; no event data) and open one again. */
export function WorkspaceButtons() {
  const store = useStoreApi();
  const client = useClient();
  const canSave = useAppStore((s) => s.samples.some((e) => e.status.kind === 'ready'));
  const message = useAppStore((s) => s.workspaceMessage);
  const autosavedAt = useAppStore((s) => s.autosavedAt);
  const say = (error: boolean, text: string) => store.getState().setWorkspaceMessage({ error, text });
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={!canSave}
        onClick={() => downloadBlob(new Blob([workspaceFileText(store.getState())], { type: 'application/json' }), 'experiment.flowfate.json')}
      >
        Save workspace
      </button>
      <FilePickerButton
        label="Open workspace…"
        accept=".json"
        onFiles={async ([file]) => {
          try {
            say(false, (await openWorkspace(parseWorkspace(await file.text()), client, store)).text);
          } catch (error) {
            say(true, `Cannot open "${file.name}": ${failureWords(error, 'it could not be read; choose it again')}`);
          }
        }}
      />
      {autosavedAt && canSave && (
        <span className="hint" aria-live="polite" data-saved-at={autosavedAt}>
          Saved in this browser at {time.format(new Date(autosavedAt))}
        </span>
      )}
      {message && <MessageLine message={message} onDismiss={() => store.getState().setWorkspaceMessage(null)} />}
      <MissingFiles />
    </>
  );
}
