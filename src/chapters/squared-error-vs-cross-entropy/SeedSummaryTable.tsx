import { useId } from 'react';
import { formatNumber } from '../../format/formatNumber';
import type { Summary } from '../../plots/StripPlot';

export interface SeedSummaries {
  seAccuracy: Summary;
  ceAccuracy: Summary;
  seLogLoss: Summary;
  ceLogLoss: Summary;
}

const percent = (v: number) => (Number.isFinite(v) ? `${formatNumber(100 * v, 1)}%` : '–');
const plain = (v: number) => (Number.isFinite(v) ? formatNumber(v, 3) : '–');

/**
 * The strip plots' numbers as a table: their text alternative, and the place to read them exactly. The
 * mean is there beside the median because the two can disagree: a few seeds stuck at 50% pull a mean
 * down and leave a median where it was.
 */
export function SeedSummaryTable({ summaries }: { summaries: SeedSummaries }) {
  const noteId = useId();
  const rows = [
    { name: 'accuracy, squared error', s: summaries.seAccuracy, f: percent, id: 'se-accuracy' },
    { name: 'accuracy, cross-entropy', s: summaries.ceAccuracy, f: percent, id: 'ce-accuracy' },
    { name: 'log loss, squared error', s: summaries.seLogLoss, f: plain, id: 'se-log-loss' },
    { name: 'log loss, cross-entropy', s: summaries.ceLogLoss, f: plain, id: 'ce-log-loss' },
  ];
  // The caption is short so that it stays in view on a phone, where the table scrolls sideways; what
  // the columns mean is a note outside the scrolling region.
  return (
    <>
      <div className="table-scroll" role="region" aria-label="The distributions in numbers, scrollable" tabIndex={0}>
        <table className="seed-table" aria-describedby={noteId}>
          <caption>The distributions in numbers</caption>
          <thead>
            <tr>
              <th scope="col">measure, loss</th>
              <th scope="col">min</th>
              <th scope="col">25%</th>
              <th scope="col">median</th>
              <th scope="col">75%</th>
              <th scope="col">max</th>
              <th scope="col">mean</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ name, s, f, id }) => (
              <tr key={id} data-testid={`seed-row-${id}`}>
                <th scope="row">{name}</th>
                <td>{f(s.min)}</td>
                <td>{f(s.q1)}</td>
                <td>{f(s.median)}</td>
                <td>{f(s.q3)}</td>
                <td>{f(s.max)}</td>
                <td>{f(s.mean)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint" id={noteId}>
        25% and 75% are the quartiles, where each box ends; the mean is the average over the seeds, which a few
        stuck seeds can pull away from the median.
      </p>
    </>
  );
}
