import { useStoreApi } from '../../state/store.ts';
import { Dialog } from './Dialog.tsx';

/**
 * How each analysis works, in the words of the papers it follows, with their references (field-anchors c3–c6).
 * Opened from the toolbar's Help button.
 */
export function HelpPanel() {
  const store = useStoreApi();
  const tour = (
    <button type="button" className="button" onClick={() => store.getState().showDialog('tour')}>
      Take the one-minute tour
    </button>
  );
  return (
    <Dialog id="help" title="Help: what FlowFate does and how" actions={tour}>
      <section aria-labelledby="help-start">
        <h3 id="help-start">Getting started</h3>
        <p>
          Open the FCS files of an experiment (or a folder of them, or the demo). Each file&rsquo;s assay, dose and time are read from its name and
          channels and can be corrected for the selected file in the side panel. Files are read on this computer; nothing is uploaded. Every change is
          saved in this browser; <em>Save workspace</em> writes a file that reopens the analysis on the same FCS files.
        </p>
      </section>
      <section aria-labelledby="help-apoptosis">
        <h3 id="help-apoptosis">Apoptosis (Annexin V / PI)</h3>
        <p>
          Annexin V binds phosphatidylserine, which apoptotic cells expose on their outer membrane; propidium iodide (PI) enters only cells whose
          membrane is broken (Vermes et al. 1995). FlowFate gates cells on forward and side scatter without cutting off the small, dense dying cells,
          keeps singlets on the scatter pulse pair, compensates the two stains with the files&rsquo; own spillover matrix or one measured on the
          single-stain controls, and places the quadrant at a percentile (99th by default) of the controls that are negative on each axis, raised to
          the upper edge of the untreated cells&rsquo; viable population (a percentile quadrant, as FCS Express offers), or without untreated cells
          to the edge of the single stain&rsquo;s own negative cells, which carry the dye&rsquo;s background as double-stained cells do.
        </p>
        <p>
          Quadrants follow the usual convention: Annexin V−/PI− viable, Annexin V+/PI− early apoptotic, Annexin V+/PI+ late apoptotic, Annexin V−/PI+
          necrotic; total apoptotic = early + late. All are % of singlets. A single time point cannot tell late apoptosis from primary necrosis, and the
          necrotic quadrant also collects bare nuclei and debris: a time course (24, 48, 72 h) shows the progression.
        </p>
      </section>
      <section aria-labelledby="help-cell-cycle">
        <h3 id="help-cell-cycle">Cell cycle (PI DNA content)</h3>
        <p>
          Doublets of G0/G1 cells carry as much DNA as G2/M singlets, so FlowFate first keeps a singlet band on PI area against pulse width (or height)
          (Wersto et al. 2001). The DNA histogram of the singlets, on a linear axis, is then fitted: two Gaussian peaks (G0/G1 and G2/M at about twice
          its DNA) with an S phase between them, as a second-degree polynomial broadened by the peaks&rsquo; CV (Dean and Jett 1974; Fox 1980), as what
          is left between the fitted peaks (Watson et al. 1987), or as a broadened rectangle; optionally with the debris of nuclei cut once (Bagwell et
          al. 1991) and aggregates. The reduced chi-square (RCS) measures the fit.
        </p>
        <p>
          <strong>Two bases, always named.</strong> The fit&rsquo;s G0/G1, S and G2/M are % of the modelled cycling cells and add up to 100. The range
          gates you drag on the histogram (sub-G1 | G0/G1 | S | G2/M) are % of singlets. The tables, the plot labels and the exports say which is which
          (&ldquo;% of cycling cells (fit)&rdquo;, &ldquo;% of singlets (range gate)&rdquo;); a component that was not modelled is left empty, never 0.
        </p>
      </section>
      <section aria-labelledby="help-groups">
        <h3 id="help-groups">Gates and sample groups</h3>
        <p>
          As in FlowJo, a gate belongs to a group of samples and applies to those only: the Annexin V / PI tubes, the PI DNA tubes, all samples, or a
          group you make from the side panel (filter the list, then <em>Make a group of these files</em>). A gate drawn in Explore goes to the selected
          sample&rsquo;s group unless you choose another under <em>New gates apply to</em>. A gate moved on one sample only is flagged as adjusted in
          the results.
        </p>
      </section>
      <section aria-labelledby="help-references">
        <h3 id="help-references">References</h3>
        <ul className="references">
          <li>
            Vermes I, Haanen C, Steffens-Nakken H, Reutelingsperger C. A novel assay for apoptosis: flow cytometric detection of phosphatidylserine
            expression on early apoptotic cells using fluorescein labelled Annexin V. J Immunol Methods 1995;184:39–51.
          </li>
          <li>Dean PN, Jett JH. Mathematical analysis of DNA distributions derived from flow microfluorometry. J Cell Biol 1974;60:523–527.</li>
          <li>Fox MH. A model for the computer analysis of synchronous DNA distributions obtained by flow cytometry. Cytometry 1980;1:71–77.</li>
          <li>Watson JV, Chambers SH, Smith PJ. A pragmatic approach to the analysis of DNA histograms with a definable G1 peak. Cytometry 1987;8:1–8.</li>
          <li>Bagwell CB, Mayo SW, Whetstone SD, et al. DNA histogram debris theory and compensation. Cytometry 1991;12:107–118.</li>
          <li>Wersto RP, Chrest FJ, Leary JF, et al. Doublet discrimination in DNA cell-cycle analysis. Cytometry 2001;46:296–306.</li>
          <li>Parks DR, Roederer M, Moore WA. A new “Logicle” display method avoids deceptive effects of logarithmic scaling. Cytometry A 2006;69A:541–551.</li>
          <li>Spidlen J, et al. Data File Standard for Flow Cytometry, version FCS 3.1. Cytometry A 2010;77A:97–100.</li>
        </ul>
      </section>
    </Dialog>
  );
}
