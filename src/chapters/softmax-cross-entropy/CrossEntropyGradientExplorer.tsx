import { useMemo } from 'react';
import { useWidgetState } from '../../state/useWidgetState';
import { term } from '../../format/terms';
import { GradientBars } from '../../plots/GradientBars';
import { ProbabilityBars } from '../../plots/ProbabilityBars';
import { hardLabel } from '../../url/labels';
import { useLab } from '../../state/LabContext';
import { LabelPicker } from './LabelPicker';
import { LogitControls } from '../../controls/LogitSliders';
import { CrossEntropyChecks } from './CrossEntropyChecks';
import { crossEntropyGradient } from './crossEntropyGradientMath';
import { CROSS_ENTROPY_EXPLORER_STATE } from './crossEntropyState';
import { DerivationStepper } from './DerivationStepper';
import { CopyAsCode } from '../../tools/copyAsCode/CopyAsCode';

// The programs' text is fetched when the learner points at "Copy as …", not with the chapter.
const loadPrograms = () => import('../../tools/copyAsCode/programs');

/** The class a focus id points at (z-2, p-2, y-2, dp-2, g-2 → 1; a Jacobian cell J-i-2 → its column), if any. */
export function focusedComponent(focus: string | null, classes: number): number | undefined {
  const m = focus && (/^(?:z|p|y|dp|g)-(\d+)$/.exec(focus) ?? /^J-\d+-(\d+)$/.exec(focus));
  const k = m ? Number(m[1]) - 1 : -1;
  return k >= 0 && k < classes ? k : undefined;
}

/** The class with the most weight in y: the true class of a hard label. */
function heaviest(labels: readonly number[]): number {
  return labels.reduce((best, y, i) => (y > (labels[best] ?? -1) ? i : best), 0);
}

/**
 * Cross-entropy through softmax, live: the probabilities and the gradient p − y as bars, the chain
 * rule stepped through line by line at the learner's logits and label, and the result checked three
 * ways (the chain rule multiplied out, the core's fused gradient, central differences).
 *
 * The derivation's place (its line, the row of J picked, the component written out) is this widget's
 * state, in its URL: the stepper below shows it and asks here to change it.
 */
export function CrossEntropyGradientExplorer() {
  const logits = useLab((s) => s.logits);
  const labels = useLab((s) => s.labels);
  const focus = useLab((s) => s.focus);
  const [{ step, i: row, j: chosen }, update] = useWidgetState(CROSS_ENTROPY_EXPLORER_STATE);

  const numbers = useMemo(() => crossEntropyGradient(logits, labels), [logits, labels]);
  const C = logits.length;
  // −1 (none chosen), or a class a link or "Remove a class" left past the end: the label's class.
  const picked = chosen >= 0 && chosen < C ? chosen : (hardLabel(labels) ?? heaviest(labels));
  const j = focusedComponent(focus, C) ?? picked;

  return (
    <section className="widget ce-explorer" aria-label="Cross-entropy gradient explorer">
      <div className="plots-pair">
        <figure>
          <ProbabilityBars probabilities={numbers.probabilities} />
          <figcaption>p = softmax(z)</figcaption>
        </figure>
        <figure>
          <GradientBars
            values={numbers.gradient}
            label={(i) => `z${i + 1}`}
            name={(i) => `∂L/∂z${i + 1}`}
            termId={term.gradient}
            title="Gradient ∂L/∂z = p − y"
          />
          <figcaption>∂L/∂z = p − y, one bar per logit</figcaption>
        </figure>
      </div>

      <DerivationStepper
        numbers={numbers}
        labels={labels}
        j={j}
        step={step}
        row={row}
        onStep={(to) => update({ step: to })}
        onSelectComponent={(c) => update({ j: c })}
        onSelectCell={(i, c) => update({ i, j: c })}
      />

      <CrossEntropyChecks logits={logits} labels={labels} numbers={numbers} />

      <div className="plots-pair">
        <fieldset className="controls">
          <legend>Label y</legend>
          <LabelPicker />
        </fieldset>
        <LogitControls />
      </div>

      <CopyAsCode
        subject="the cross-entropy loss and its gradient"
        programs={loadPrograms}
        numpy={(p) => p.crossEntropyNumpy({ logits, labels })}
        torch={(p) => p.crossEntropyTorch({ logits, labels })}
      />
    </section>
  );
}
