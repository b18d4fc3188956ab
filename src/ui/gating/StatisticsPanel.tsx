import { useId, useState } from 'react';
import type { ChannelSummary } from '../../../workers/api.ts';
import type { PopulationId } from '../../gating/types.ts';
import { useWorkerQuery } from '../useWorkerQuery.ts';
import { formatCount } from '../format.ts';

interface StatisticsPanelProps {
  sampleId: string;
  /** Changes when the gating or the data set changes, so the statistics are asked again. */
  revision: string;
  population: PopulationId | null;
  populationName: string;
  channels: ChannelSummary[];
  /** Channels shown until the user asks for all: those on the plots. */
  plotted: string[];
  /** False until the plots are drawn: statistics over every event must not delay the first plot. */
  enabled: boolean;
}

const number = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 5 });
const show = (v: number) => (Number.isFinite(v) ? number.format(v) : '–');

/** Mean, median, geometric mean, SD, CV and robust CV of every channel over one population (compensated data units). */
export function StatisticsPanel({ sampleId, revision, population, populationName, channels, plotted, enabled }: StatisticsPanelProps) {
  const [allChannels, setAllChannels] = useState(false);
  const toggleId = useId();
  const shown = allChannels ? channels : channels.filter((c) => plotted.includes(c.name));
  const refs = shown.map((c) => ({ channel: c.name, compensation: 'FCS' }));
  const stats = useWorkerQuery(enabled ? JSON.stringify(['statistics', sampleId, revision, population, refs]) : null, async (worker) => {
    const rows = await worker.statistics(sampleId, population, refs);
    return rows.map((row, k) => ({ ...row, channel: shown[k] }));
  });
  return (
    <section className="statistics" aria-labelledby="statistics-heading">
      <h2 id="statistics-heading">Statistics of {populationName}</h2>
      <label htmlFor={toggleId} className="checkbox">
        <input id={toggleId} type="checkbox" checked={allChannels} onChange={(e) => setAllChannels(e.currentTarget.checked)} />
        All channels
      </label>
      {stats.error && <p role="alert" className="error">{stats.error}</p>}
      {stats.data && (
        <table aria-describedby="statistics-note">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Events</th>
              <th scope="col">Mean</th>
              <th scope="col">Median</th>
              <th scope="col">Geo. mean</th>
              <th scope="col">SD</th>
              <th scope="col">CV %</th>
              <th scope="col">Robust CV %</th>
            </tr>
          </thead>
          <tbody>
            {stats.data.map((s) => (
              <tr key={s.channel.name}>
                <th scope="row">{s.channel.display}</th>
                <td className="number">{formatCount(s.count)}</td>
                <td className="number">{show(s.mean)}</td>
                <td className="number">{show(s.median)}</td>
                <td className="number">{show(s.geometricMean)}</td>
                <td className="number">{show(s.sd)}</td>
                <td className="number">{show(s.cv)}</td>
                <td className="number">{show(s.robustCv)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p id="statistics-note" className="hint">
        Compensated values in data units. SD is the population SD; robust CV = ½(P84.13 − P15.87)/median; the geometric mean uses positive values only.
      </p>
    </section>
  );
}
