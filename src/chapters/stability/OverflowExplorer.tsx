import { useMemo } from 'react';
import { LogitBars } from '../../plots/LogitBars';
import { useStability } from './StabilityContext';
import { ComparisonTable } from './ComparisonTable';
import { ExponentialPlot } from './ExponentialPlot';
import { LogitEntry } from './LogitEntry';
import { PresetButtons } from './PresetButtons';
import { Result } from './Result';
import { formatLogits, STABILITY_LIMITS } from './stabilityInputs';
import { comparison } from './stabilityMath';
import { OVERFLOW_STATE } from './stabilityState';
import { OVERFLOW_LINK, useStabilityUrl } from './useStabilityUrl';

/**
 * Naive against stable softmax and cross-entropy on the chapter's logits (−1000 to 1000), in float32
 * and float64: presets, sliders, draggable bars and typed values in; e^z against its overflow
 * thresholds and the 2×2 table out, ∞ and NaN shown with their reasons. It keeps the logits and the
 * true class in the address (`sz`, `sy`), for the whole chapter.
 */
export function OverflowExplorer() {
  useStabilityUrl(OVERFLOW_STATE, OVERFLOW_LINK);
  const logits = useStability((s) => s.logits);
  const label = useStability((s) => s.label);
  const setLogit = useStability((s) => s.setLogit);
  const cells = useMemo(() => comparison(logits, label), [logits, label]);
  const naive64 = cells.find((c) => c.form === 'naive' && c.precision === 'float64');
  const stable64 = cells.find((c) => c.form === 'stable' && c.precision === 'float64');
  const { min, max } = STABILITY_LIMITS;

  return (
    <section className="widget stability-widget overflow-explorer" aria-label="Naive against stable softmax">
      <PresetButtons />
      <div className="plots-pair">
        <figure>
          <LogitBars logits={logits} domain={[min, max]} step={1} onChange={setLogit} />
          <figcaption>Drag a bar, or focus it and use the arrow keys (Page Up/Down: ±10).</figcaption>
        </figure>
        <figure>
          <ExponentialPlot logits={logits} />
          <figcaption>e^z on a log scale: past a threshold it is ∞ in that precision.</figcaption>
        </figure>
      </div>
      <p className="stability-readout" aria-live="polite" data-testid="overflow-readout">
        z = {formatLogits(logits)}, true class {label + 1}: the naive float64 loss is{' '}
        <Result value={naive64?.loss ?? NaN} testId="readout-naive-loss" />, the stable one{' '}
        <Result value={stable64?.loss ?? NaN} testId="readout-stable-loss" />.
      </p>
      <ComparisonTable
        cells={cells}
        label={label}
        caption={`Softmax p and cross-entropy L of z = ${formatLogits(logits)} with true class ${label + 1}`}
      />
      <LogitEntry />
    </section>
  );
}
