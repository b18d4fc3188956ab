import { useState } from 'react';
import { Dialog } from './Dialog.tsx';

/** The one-minute tour: six short steps, each about one part of the screen; closing skips the rest. */
const STEPS: readonly { title: string; text: string }[] = [
  {
    title: 'Open your experiment',
    text: 'Open FCS files, a whole folder, or the demo experiment (63 simulated tubes). Files are read on this computer and never uploaded; a broken file says what is wrong and leaves the others alone.',
  },
  {
    title: 'The sample list',
    text: 'Files sit in the side panel, grouped as Annexin V / PI tubes, PI DNA tubes and others. Search, filter by condition, sort, and make a group of any files you filtered. The selected file’s assay, dose and time can be corrected below the list. Hide gives the plots the room ([).',
  },
  {
    title: 'Explore and gate',
    text: 'Plot any channel, draw rectangle, polygon, ellipse, quadrant and range gates (V R P E Q I M), or type exact coordinates. A gate belongs to the selected sample’s group, shown above the plots and in the population tree.',
  },
  {
    title: 'Apoptosis in one click',
    text: 'The Apoptosis tab finds the controls, channels and compensation, so Run analysis is usually all it takes. Review each sample’s three plots, move the quadrant where needed (you are asked whether for all samples or this one), and read viable, early and late apoptotic and necrotic %.',
  },
  {
    title: 'Cell cycle',
    text: 'Analyse all samples: a singlet band and a model fit per tube, with ranges you can drag. The fit’s phases are % of cycling cells; the ranges are % of singlets; every number says which.',
  },
  {
    title: 'Tables, figures, and nothing lost',
    text: 'Results tables show the percentages first (details behind a toggle) and export to CSV, Excel or the clipboard with the same column names. Plots export as SVG or PNG. Your work is saved in this browser as you go. Press ? for every keyboard shortcut.',
  },
];

/** The steps; mounted only while the tour is open, so it starts at the first step each time. */
function TourSteps() {
  const [step, setStep] = useState(0);
  const { title, text } = STEPS[step];
  return (
    <div className="tour-step" aria-live="polite">
      <h3>
        Step {step + 1} of {STEPS.length}: {title}
      </h3>
      <p>{text}</p>
      <div className="tour-nav">
        <button type="button" className="button" disabled={step === 0} onClick={() => setStep(step - 1)}>
          Back
        </button>
        <button type="button" className="button primary" disabled={step === STEPS.length - 1} onClick={() => setStep(step + 1)}>
          Next
        </button>
      </div>
    </div>
  );
}

export function Tour() {
  return (
    <Dialog id="tour" title="A one-minute tour of FlowFate" closeLabel="Close the tour">
      <TourSteps />
    </Dialog>
  );
}
