import { MODEL_NAMES } from '../../cellcycle/resultsTable.ts';
import type { CellCycleFit } from '../../cellcycle/types.ts';
import { formatNumber } from '../../export/table.ts';
import type { CellCycleFitResult } from '../../../workers/api.ts';
import { formatCount, formatPercent } from '../format.ts';

const S_PHASE_SHAPES: Record<NonNullable<CellCycleFit['sPhaseOrder']>, string> = {
  0: 'flat (broadened rectangle)',
  1: 'straight (first-degree polynomial)',
  2: 'curved (second-degree polynomial)',
};

const value = (v: number) => formatNumber(v, 'significant');

/** The fit's numbers and quality flags in plain words, each percentage with its denominator. */
export function FitSummary({ fileName, result }: { fileName: string; result: CellCycleFitResult }) {
  const { fit, flags, doublets } = result;
  return (
    <section className="fit-summary" aria-label={`Fit of ${fileName}`}>
      <h3>{MODEL_NAMES[fit.model]} fit</h3>
      <table aria-label="Cell-cycle phases of the modelled cycling cells">
        <caption>
          % of the {formatCount(Math.round(fit.cyclingEvents))} modelled cycling cells (G0/G1 + S + G2/M = 100%)
        </caption>
        <tbody>
          <tr>
            <th scope="row">G0/G1</th>
            <td className="number">{formatPercent(fit.g1Percent)}</td>
          </tr>
          <tr>
            <th scope="row">S</th>
            <td className="number">{formatPercent(fit.sPercent)}</td>
          </tr>
          <tr>
            <th scope="row">G2/M</th>
            <td className="number">{formatPercent(fit.g2mPercent)}</td>
          </tr>
        </tbody>
      </table>
      <table aria-label="Outside the cycle, of all singlets">
        <caption>% of all {formatCount(Math.round(fit.singlets))} singlets</caption>
        <tbody>
          <tr>
            <th scope="row">Sub-G1 (suggested range)</th>
            <td className="number">{formatPercent(fit.subG1Percent)}</td>
          </tr>
          <tr>
            <th scope="row">Debris</th>
            <td className="number">{fit.options.debris ? formatPercent(fit.debrisPercent) : 'not modelled'}</td>
          </tr>
          <tr>
            <th scope="row">Aggregates</th>
            <td className="number">{fit.options.aggregates !== 'off' ? formatPercent(fit.aggregatesPercent) : 'not modelled'}</td>
          </tr>
        </tbody>
      </table>
      <dl className="fit-values">
        <dt>G0/G1 mean (CV)</dt>
        <dd>
          {value(fit.g1Mean)} ({formatPercent(fit.g1CvPercent)})
        </dd>
        <dt>G2/M mean (CV)</dt>
        <dd>
          {value(fit.g2Mean)} ({formatPercent(fit.g2CvPercent)})
        </dd>
        <dt>G2/G1 ratio</dt>
        <dd>{fit.g2g1Ratio.toFixed(3)}</dd>
        <dt>Reduced chi-square (RCS)</dt>
        <dd>{fit.rcs.toFixed(2)}</dd>
        <dt>Modelled events</dt>
        <dd>{formatCount(Math.round(fit.modelledEvents))}</dd>
        {fit.sPhaseOrder !== null && (
          <>
            <dt>S phase</dt>
            <dd>{S_PHASE_SHAPES[fit.sPhaseOrder]}</dd>
          </>
        )}
        {doublets && (
          <>
            <dt>Doublets</dt>
            <dd>
              {doublets.gatePercent.toFixed(1)}% left out by the singlet gate; {doublets.modelPercent.toFixed(1)}% by the aggregate model (all events)
            </dd>
          </>
        )}
      </dl>
      {flags.length > 0 ? (
        <ul className="flags" aria-label="Quality flags">
          {flags.map((flag) => (
            <li key={flag.code}>{flag.message}</li>
          ))}
        </ul>
      ) : (
        <p className="ok">No quality flags: CVs, G2/G1 ratio, RCS, singlet count and doublet estimates are within the usual limits, and no parameter stopped at a bound.</p>
      )}
    </section>
  );
}
