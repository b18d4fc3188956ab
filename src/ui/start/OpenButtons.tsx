import { isFcsFileName, openDemoExperiment, openFiles } from '../../engine/openSamples.ts';
import { useStoreApi } from '../../state/store.ts';
import { useClient } from '../context.ts';
import { FilePickerButton } from '../files/FilePickerButton.tsx';

/** The three ways in: FCS files, a folder of them, or the demo experiment. */
export function OpenButtons() {
  const client = useClient();
  const store = useStoreApi();
  const notify = store.getState().notify;
  return (
    <>
      <FilePickerButton label="Open FCS files…" multiple primary onFiles={(files) => void openFiles(files, client, store)} />
      <FilePickerButton
        label="Open a folder…"
        folder
        onFiles={(files) => {
          const fcs = files.filter((f) => isFcsFileName(f.name));
          const skipped = files.length - fcs.length;
          notify({
            error: fcs.length === 0,
            text: fcs.length === 0 ? 'That folder holds no FCS files (.fcs or .lmd).' : `Opening the ${fcs.length} FCS ${fcs.length === 1 ? 'file' : 'files'} of the folder.`,
            detail: skipped > 0 ? `${skipped} other ${skipped === 1 ? 'file was' : 'files were'} left alone.` : undefined,
          });
          void openFiles(fcs, client, store);
        }}
      />
      <button
        type="button"
        className="button"
        onClick={() => {
          notify(null);
          openDemoExperiment(client, store).catch((error: unknown) => notify({ error: true, text: error instanceof Error ? error.message : String(error) }));
        }}
      >
        Open demo experiment
      </button>
    </>
  );
}
