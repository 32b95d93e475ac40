import { useEffect, useId, useMemo } from 'react';
import { currentRoute } from '../../url/hashRoute';
import { crossEntropy, crossEntropyGrad } from '../../core';
import { useWidgetState } from '../../state/useWidgetState';
import { readLabQuery } from '../../url/labQuery';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { GradientBars } from '../../plots/GradientBars';
import { LossHistory } from '../../plots/LossHistory';
import { useLab, useLabStore } from '../../state/LabContext';
import { clampLogit, type LabInputs } from '../../url/labInputs';
import { LecturerControl } from '../../controls/LecturerControl';
import { descentLine } from './crossEntropyFormula';
import { gradientStep, LEARNING_RATE } from './crossEntropyGradientMath';
import { GRADIENT_DESCENT_STATE } from './crossEntropyState';
import { LiveFormula } from '../../math/LiveFormula';

/** A short history: enough steps to see the loss level off, few enough to read them all. */
export const MAX_STEPS = GRADIENT_DESCENT_STATE.run.maxLength;

const ETA = ['eta'];
const RUN = ['run'];

/** A step's η on the slider's grid, as the schema reads η itself: a link's run=0.27 is taken as 0.3. */
function onGrid(eta: number): number {
  const { min, max, step } = LEARNING_RATE;
  return Math.min(max, Math.max(min, Number((min + Math.round((eta - min) / step) * step).toFixed(12))));
}

/** The logits before and after each step of a run from z, at each step's own η: [z, z₁, …]. */
function descend(logits: readonly number[], labels: readonly number[], rates: readonly number[]): (readonly number[])[] {
  const path: (readonly number[])[] = [logits];
  for (const eta of rates) path.push(gradientStep(path[path.length - 1] ?? logits, labels, onGrid(eta)));
  return path;
}

const near = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => Math.abs(v - (b[i] ?? NaN)) < 1e-12);

/**
 * Whether the lab inputs have just been set by a link that carries a run: then the run the widget
 * read from the same address belongs to them and is kept. A link followed, or this chapter opened
 * again from another once its code is loaded, sets the store's z and y from the address, and may do
 * so after this widget has read its run from it: whichever comes first, the address is the judge. A
 * learner's move leaves the address behind, since it is written only once they pause, and a link
 * without a run starts the run again as any other move does. The chapter sets z, then y: new labels
 * along with new logits are z's resizing of y.
 */
function setByRunLink(s: LabInputs, prev: LabInputs): boolean {
  const query = currentRoute().query;
  if (!query.has('run')) return false;
  const { state } = readLabQuery(query, { fields: ['z', 'y'] });
  if (s.logits !== prev.logits) return query.has('z') && near(state.logits.map(clampLogit), s.logits);
  return query.has('y') && near(state.labels, s.labels);
}

/**
 * Gradient descent on the logits, one step per click: z ← z − η (p − y). The steps are taken here, in
 * full precision, and not written to the store, whose logits live on the sliders' 0.1 grid: rounding a
 * small step to that grid would leave it at zero and the loss would stop falling for no reason of its own.
 *
 * The widget's state, in its URL, is η and the η of each step taken; the path is replayed from the
 * store's z and y, so a link or a reload shows the run the learner saw. When the learner moves z or y
 * the run starts again.
 */
export function GradientDescentStep() {
  const logits = useLab((s) => s.logits);
  const labels = useLab((s) => s.labels);
  const store = useLabStore();
  // η is read onto the slider's grid by the schema itself (its step)
  const [{ eta: learningRate, run }, update] = useWidgetState(GRADIENT_DESCENT_STATE);
  const sliderId = useId();

  useEffect(
    () =>
      store.subscribe((s, prev) => {
        // a run already empty stays the same array, so a slider step elsewhere does not render this widget
        if ((s.logits !== prev.logits || s.labels !== prev.labels) && !setByRunLink(s, prev)) update((w) => (w.run.length > 0 ? { run: [] } : {}));
      }),
    [store, update],
  );

  const path = useMemo(() => descend(logits, labels, run), [logits, labels, run]);
  const current = path[path.length - 1] ?? logits;
  const losses = useMemo(() => path.map((z) => crossEntropy([z], [labels])), [path, labels]);
  const gradient = useMemo(() => crossEntropyGrad([current], [labels])[0] ?? new Float64Array(current.length), [current, labels]);
  const next = useMemo(() => gradientStep(current, labels, learningRate), [current, labels, learningRate]);
  const steps = path.length - 1;
  const full = steps >= MAX_STEPS;

  const take = () => update((s) => (s.run.length < MAX_STEPS ? { run: [...s.run, s.eta] } : {}));
  const restart = () => update({ run: [] });
  const written = descentLine({ logits: current, gradient, learningRate, next });
  const before = losses[steps - 1];
  const after = losses[steps] ?? NaN;
  const moves = Array.from(gradient, (g, i) => `z${i + 1} ${g <= 0 ? 'rises' : 'falls'} by ${formatNumber(Math.abs(learningRate * g), 3)}`);

  return (
    <section className="widget descent-step" aria-label="One gradient step at a time">
      <div className="plots-pair">
        <figure>
          <GradientBars
            values={gradient}
            label={(i) => `z${i + 1}`}
            name={(i) => `∂L/∂z${i + 1}`}
            termId={term.gradient}
            title="Gradient p − y at the current logits"
          />
          <figcaption>p − y now; the next step moves each logit the opposite way.</figcaption>
        </figure>
        <figure>
          <LossHistory losses={losses} capacity={MAX_STEPS} />
          <figcaption>The loss L after each step.</figcaption>
        </figure>
      </div>

      <LiveFormula testId="descent-formula" label={`Next step: ${written.text}`} lines={[written.tex]} />
      <p className="hint">The next step: {moves.join(', ')}.</p>

      <fieldset className="controls">
        <legend>Descend</legend>
        <LecturerControl ids={ETA}>
          <label className="slider-row" htmlFor={sliderId}>
            <span className="slider-name" aria-hidden="true">
              η
            </span>
            <input
              id={sliderId}
              type="range"
              min={LEARNING_RATE.min}
              max={LEARNING_RATE.max}
              step={LEARNING_RATE.step}
              value={learningRate}
              aria-label="learning rate η"
              aria-valuetext={formatNumber(learningRate, 1)}
              onChange={(e) => update({ eta: Number(e.currentTarget.valueAsNumber.toFixed(1)) })}
            />
            <output aria-hidden="true">{formatNumber(learningRate, 1)}</output>
          </label>
        </LecturerControl>
        <LecturerControl ids={RUN}>
          <div className="button-row">
            <button type="button" onClick={take} aria-disabled={full}>
              Take one gradient step
            </button>
            <button type="button" onClick={restart}>
              Start again from the sliders
            </button>
          </div>
        </LecturerControl>
        <p className="hint" aria-live="polite" data-testid="descent-status">
          {steps === 0
            ? `At the sliders' logits: L = ${formatNumber(after, 3)}. Take a step.`
            : `Step ${steps}: the loss went from ${formatNumber(before ?? NaN, 3)} to ${formatNumber(after, 3)}.` +
              (full ? ` That is ${MAX_STEPS} steps: start again to take more.` : '')}
        </p>
      </fieldset>
    </section>
  );
}
