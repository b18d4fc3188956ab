import { failureWords } from '../../engine/failureWords.ts';
import { openWorkspace } from '../../engine/workspace.ts';
import { isFcsFileName } from '../../engine/openSamples.ts';
import { listForMessage } from '../../fcs/warnings.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { useClient } from '../context.ts';
import { FilePickerButton } from '../files/FilePickerButton.tsx';

/**
 * After a workspace opened without some of its files: asks once for the folder they are in (or the files), then
 * matches them by name and size and completes the workspace.
 */
export function MissingFiles() {
  const store = useStoreApi();
  const client = useClient();
  const pending = useAppStore((s) => s.missingFiles);
  if (!pending) return null;
  const { workspace, missing } = pending;
  const complete = async (files: File[]) => {
    const chosen = files.filter((f) => isFcsFileName(f.name) || missing.some((m) => m.fileName === f.name));
    try {
      const opened = await openWorkspace(workspace, client, store, chosen);
      store.getState().setWorkspaceMessage({ error: opened.missing.length > 0, text: opened.text });
    } catch (error) {
      store.getState().setWorkspaceMessage({ error: true, text: `The workspace could not be completed: ${failureWords(error)}.` });
    }
  };
  return (
    <section className="missing-files" aria-label="Missing files">
      <p>
        {missing.length} {missing.length === 1 ? 'file' : 'files'} of this workspace {missing.length === 1 ? 'is' : 'are'} not in this browser (
        {listForMessage(missing.map((m) => m.fileName), 2)}). Choose the folder they are in, or the files, once:
      </p>
      <FilePickerButton label="Choose their folder…" folder primary onFiles={(files) => void complete(files)} />
      <FilePickerButton label="Choose the files…" multiple onFiles={(files) => void complete(files)} />
      <button type="button" className="button" onClick={() => store.getState().setMissingFiles(null)}>
        Not now
      </button>
    </section>
  );
}
