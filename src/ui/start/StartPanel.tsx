import { useStoreApi } from '../../state/store.ts';
import { OpenButtons } from './OpenButtons.tsx';

/** The first screen: what FlowFate does, and the three ways in. */
export function StartPanel() {
  const store = useStoreApi();
  return (
    <section className="start-panel" aria-labelledby="start-heading">
      <h2 id="start-heading">Annexin V / PI apoptosis and PI DNA cell cycle, from your FCS files</h2>
      <p>
        FlowFate reads the FCS files your cytometer exported, on this computer (nothing is uploaded), and takes a dose × time experiment to the tables and
        figures of a paper:
      </p>
      <ul>
        <li>
          <strong>Apoptosis (Annexin V / PI)</strong>: a cells gate that keeps dying cells, a singlet gate, compensation, and a quadrant placed from your
          unstained and single-stain controls; viable, early apoptotic, late apoptotic and necrotic % of singlets.
        </li>
        <li>
          <strong>Cell cycle (PI DNA)</strong>: a singlet band on PI area vs width, Dean-Jett-Fox, Watson or broadened-rectangle fits; sub-G1, G0/G1, S and
          G2/M %.
        </li>
        <li>
          <strong>Explore and gate</strong> any channel by hand, then export CSV, Excel and figures.
        </li>
      </ul>
      <div className="ways-in">
        <OpenButtons />
      </div>
      <p className="hint">
        Or drop FCS files anywhere on this page. New to FlowFate?{' '}
        <button type="button" className="link" onClick={() => store.getState().showDialog('tour')}>
          Take the one-minute tour
        </button>
      </p>
    </section>
  );
}
