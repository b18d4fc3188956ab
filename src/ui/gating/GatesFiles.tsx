import { useState } from 'react';
import { importStrategy, strategyForSample } from '../../analysis/gatingDocument.ts';
import { parseGatingStrategy, stringifyGatingStrategy } from '../../gating/strategyJson.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { loadChunk } from '../boundary/loadChunk.ts';
import { downloadBlob } from '../files/download.ts';
import { FilePickerButton } from '../files/FilePickerButton.tsx';

function save(text: string, name: string, type: string): void {
  downloadBlob(new Blob([text], { type }), name);
}

/**
 * Gates in and out of the app: the selected sample's gates as ISAC Gating-ML 2.0 or as a FlowFate template (JSON),
 * and importing either to replace the experiment's gates (one undo step).
 */
export function GatesFiles({ sampleId }: { sampleId: string }) {
  const store = useStoreApi();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const gateCount = useAppStore((s) => s.gating.template.gates.length);
  const strategyNow = () => {
    const state = store.getState();
    const assay = state.samples.find((e) => e.id === sampleId)?.annotation?.assay ?? null;
    return strategyForSample(state.gating, sampleId, assay);
  };
  const report = async (action: () => void | Promise<void>) => {
    try {
      await action();
    } catch (error) {
      setMessage({ error: true, text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="gates-files">
      <button
        type="button"
        disabled={gateCount === 0}
        onClick={() =>
          report(async () => {
            // Gating-ML code loads on first use: most sessions never need it.
            const { writeGatingMl } = await loadChunk(() => import('../../gatingml/write.ts'));
            save(writeGatingMl(strategyNow()), 'gates.gating-ml.xml', 'application/xml');
          })
        }
      >
        Export Gating-ML
      </button>
      <button
        type="button"
        disabled={gateCount === 0}
        onClick={() => report(() => save(stringifyGatingStrategy(strategyNow()), 'gates.flowfate-template.json', 'application/json'))}
      >
        Export template
      </button>
      <FilePickerButton
        label="Import gates…"
        accept=".xml,.json"
        onFiles={async ([file]) => {
          const text = await file.text();
          await report(async () => {
            const strategy = file.name.toLowerCase().endsWith('.json') ? parseGatingStrategy(text) : (await loadChunk(() => import('../../gatingml/parse.ts'))).parseGatingMl(text);
            store.getState().changeGating((document) => importStrategy(document, strategy));
            setMessage({ error: false, text: `Imported ${strategy.gates.length} ${strategy.gates.length === 1 ? 'gate' : 'gates'} from ${file.name}; Undo restores the previous gates.` });
          });
        }}
      />
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'hint'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
