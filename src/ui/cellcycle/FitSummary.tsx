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
  const { fit, flags, doublets, offScale } = result;
  const second = fit.secondPopulation;
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
            <td className="number">{debrisText(fit)}</td>
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
        {second && (
          <>
            <dt>Second G0/G1-like population</dt>
            <dd>
              mean {value(second.g1Mean)} ({formatPercent(second.g1CvPercent)} CV), DNA index {second.dnaIndex.toFixed(3)}; {formatPercent(second.percentOfCells)} of
              the modelled cells (its own G0/G1 {formatPercent(second.g1Percent)}, S {formatPercent(second.sPercent)}, G2/M {formatPercent(second.g2mPercent)}),
              left out of the phases above
            </dd>
          </>
        )}
        <dt>G2/G1 ratio</dt>
        <dd>{fit.g2g1Ratio.toFixed(3)}</dd>
        <dt>Reduced chi-square (RCS)</dt>
        <dd>{fit.rcs.toFixed(2)}</dd>
        <dt>Off the DNA axis</dt>
        <dd>
          {formatPercent(offScale.percent)} of all events ({formatCount(offScale.high)} in the top channel, {formatCount(offScale.low)} at or below zero), left out
          of the fit
        </dd>
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

/** Debris as modelled, or why not: the options said never, or (automatic) the histogram shows no debris slope. */
function debrisText(fit: CellCycleFit): string {
  if (fit.debrisModelled) return formatPercent(fit.debrisPercent);
  return fit.options.debris === 'off' ? 'not modelled' : 'none seen below G0/G1 (not modelled)';
}
