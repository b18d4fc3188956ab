import { type RefObject, useId, useState } from 'react';
import { exportFileName } from '../../export/fileNames.ts';
import { useAppStore } from '../../state/store.ts';
import { downloadBlob } from '../files/download.ts';
import { figurePng, figureSvg } from './exportFigure.ts';

const RESOLUTIONS = [150, 300, 600] as const;

interface FigureExportProps {
  /** The plot's <figure>; or `svg`, for a figure made of several plots. */
  figure?: RefObject<HTMLElement | null>;
  /** Builds the figure's SVG document under `title` (e.g. figureGridSvg). */
  svg?: (title: string) => string;
  /** Names the buttons and the figure, e.g. "FSC-A vs SSC-A of All events". */
  label: string;
  /** The sample shown, so the figures of ten tubes never overwrite each other; '' when the label names it already. */
  subject: string;
}

/**
 * Export SVG / Export PNG at a chosen resolution, for one figure: titled "label — subject" inside the image, saved
 * as "EXPERIMENT DATE label subject.svg".
 */
export function FigureExport({ figure, svg, label, subject }: FigureExportProps) {
  const [dpi, setDpi] = useState<number>(300);
  const [error, setError] = useState<string | null>(null);
  const experimentName = useAppStore((s) => s.experimentName);
  const id = useId();
  const title = subject === '' ? label : `${label} — ${subject}`;
  const run = async (extension: 'svg' | 'png') => {
    setError(null);
    try {
      let document: string;
      if (svg) document = svg(title);
      else if (figure?.current) document = figureSvg(figure.current, title);
      else throw new Error('the plot is not drawn yet');
      const blob = extension === 'svg' ? new Blob([document], { type: 'image/svg+xml' }) : await figurePng(document, dpi);
      downloadBlob(blob, exportFileName(experimentName, new Date(), `${label} ${subject}`, extension));
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  };
  return (
    <div className="figure-export">
      <button type="button" aria-label={`Export ${label} as SVG`} onClick={() => void run('svg')}>
        SVG
      </button>
      <button type="button" aria-label={`Export ${label} as PNG`} onClick={() => void run('png')}>
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
