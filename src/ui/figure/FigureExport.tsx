import { type RefObject, useId, useState } from 'react';
import { downloadBlob } from '../files/download.ts';
import { figureFileName, figurePng, figureSvg } from './exportFigure.ts';

const RESOLUTIONS = [150, 300, 600] as const;

interface FigureExportProps {
  /** The plot's <figure>. */
  figure: RefObject<HTMLElement | null>;
  /** Names the files and the buttons, e.g. "FSC-A vs SSC-A of All events". */
  label: string;
}

/** Export SVG / Export PNG at a chosen resolution, for one plot. */
export function FigureExport({ figure, label }: FigureExportProps) {
  const [dpi, setDpi] = useState<number>(300);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const run = async (work: (element: HTMLElement) => Promise<void>) => {
    setError(null);
    try {
      if (!figure.current) throw new Error('the plot is not drawn yet');
      await work(figure.current);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  };
  return (
    <div className="figure-export">
      <button
        type="button"
        aria-label={`Export ${label} as SVG`}
        onClick={() => run(async (element) => downloadBlob(new Blob([figureSvg(element)], { type: 'image/svg+xml' }), figureFileName(label, 'svg')))}
      >
        SVG
      </button>
      <button
        type="button"
        aria-label={`Export ${label} as PNG`}
        onClick={() => run(async (element) => downloadBlob(await figurePng(element, dpi), figureFileName(label, 'png')))}
      >
        PNG
      </button>
      <label htmlFor={id} className="visually-hidden">
        PNG resolution for {label}
      </label>
      <select id={id} value={dpi} onChange={(e) => setDpi(Number(e.currentTarget.value))}>
        {RESOLUTIONS.map((r) => (
          <option key={r} value={r}>
            {r} dpi
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}
