import type { ReactNode } from 'react';
import { useControlMode } from '../../state/embedContext';
import { DIGITS, formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { MatrixHeatmap } from '../../plots/MatrixHeatmap';
import { hardLabel } from '../../url/labels';
import { DERIVATION_STEPS, type DerivationInput } from './crossEntropyFormula';
import { ChainRulePaths } from './ChainRulePaths';
import { LiveFormula } from '../../math/LiveFormula';
import { LecturerControl } from '../../controls/LecturerControl';
import type { CROSS_ENTROPY_EXPLORER_STATE } from './crossEntropyState';

interface DerivationStepperProps extends DerivationInput {
  /** the line shown, 0 to DERIVATION_STEPS.length − 1 */
  step: number;
  /** the row of J picked on the Jacobian's line (clamped here to the class count) */
  row: number;
  onStep(step: number): void;
  onSelectComponent(j: number): void;
  /** a cell of J picked: its row, and its column as the component written out */
  onSelectCell(i: number, j: number): void;
}

type StateKey = keyof typeof CROSS_ENTROPY_EXPLORER_STATE;
const STEP: readonly StateKey[] = ['step'];
const COMPONENT: readonly StateKey[] = ['j'];

/** the steps from which on a component z_j is singled out: the Jacobian's column, the product, the cancellation */
const FIRST_COMPONENT_STEP = 2;
/** the step that multiplies the two out: every path from z_j to L */
const PRODUCT_STEP = 3;

/**
 * The chain rule for ∂L/∂z, one line at a time, every line evaluated at the learner's logits and
 * label. Which line is shown, and which row and column are picked, are the cross-entropy explorer's
 * own state (a learner's place in a derivation is not an input of the lab, but a link can carry it),
 * held there under its schema's keys; the buttons stay focusable at either end, so a keyboard user
 * never loses focus.
 */
export function DerivationStepper(props: DerivationStepperProps) {
  const { numbers, labels, j, step, row, onStep, onSelectComponent, onSelectCell } = props;
  const stepMode = useControlMode(STEP);
  const last = DERIVATION_STEPS.length - 1;
  const { title, line } = DERIVATION_STEPS[step] ?? DERIVATION_STEPS[0];
  const written = line({ numbers, labels, j });
  const C = labels.length;
  const shownRow = Math.min(row, C - 1);
  const count = (
    <p className="step-count" aria-live="polite" data-testid="step-count">
      Step {step + 1} of {DERIVATION_STEPS.length}: {title}
    </p>
  );

  return (
    <div className="derivation" role="group" aria-label="Derivation, step by step">
      {/* A lecturer who hid the buttons still lets the reader see which line this is. */}
      {stepMode === 'hidden' ? (
        count
      ) : (
        <LecturerControl ids={STEP}>
          <div className="stepper-nav">
            <button type="button" aria-disabled={step === 0} onClick={() => onStep(Math.max(0, step - 1))}>
              Previous step
            </button>
            {count}
            <button type="button" aria-disabled={step === last} onClick={() => onStep(Math.min(last, step + 1))}>
              Next step
            </button>
          </div>
        </LecturerControl>
      )}

      <p className="step-explanation">{explain(step, props)}</p>

      <LiveFormula label={`Live formula: ${written.text}`} lines={[written.tex]} />

      {step === FIRST_COMPONENT_STEP && (
        <div className="matrix-main">
          <MatrixHeatmap
            caption="J = ∂p/∂z"
            matrix={numbers.jacobian}
            rowLabel={(i) => `p${i + 1}`}
            columnLabel={(c) => `z${c + 1}`}
            cellName={(i, c, v) => `J, row ${i + 1}, column ${c + 1}: ${v}`}
            cellTerm={term.jacobian}
            scaleMax={Math.max(...Array.from(numbers.probabilities))}
            selected={[shownRow, j]}
            onSelect={onSelectCell}
          />
        </div>
      )}

      {step === PRODUCT_STEP && <ChainRulePaths numbers={numbers} labels={labels} j={j} />}

      {step >= FIRST_COMPONENT_STEP && (
        <LecturerControl ids={COMPONENT}>
          <div className="component-choices" role="group" aria-label="Component written out">
            <span aria-hidden="true">Write out</span>
            {labels.map((_, c) => (
              <button key={c} type="button" aria-pressed={c === j} aria-label={`write out ∂L/∂z${c + 1}`} onClick={() => onSelectComponent(c)}>
                ∂L/∂z{c + 1}
              </button>
            ))}
          </div>
        </LecturerControl>
      )}
    </div>
  );
}

/** What each line says, in words, with the numbers of the line it sits under. */
function explain(step: number, { numbers, labels, j }: DerivationInput): ReactNode {
  const hard = hardLabel(labels);
  const p = (i: number) => formatNumber(numbers.probabilities[i] ?? NaN, DIGITS.value);
  switch (step) {
    case 0:
      return hard === undefined
        ? 'With a soft label every class with yᵢ > 0 contributes a term; the others vanish.'
        : `With a hard label only the true class's term survives: L = −ln p${hard + 1} = −ln ${p(hard)}.`;
    case 1:
      return hard === undefined
        ? 'Each probability gets −yᵢ/pᵢ: large when a class is wanted (yᵢ big) but unlikely (pᵢ small).'
        : `Only the true class gets a nonzero entry, −1/p${hard + 1}; the others do not appear in L, so their entries are 0. This vector is steep where p is small, and it is not yet what the logits need.`;
    case 2:
      return `Softmax couples every probability to every logit (chapter 3). Column ${j + 1} of J says how each p responds to z${j + 1}: positive on the diagonal, negative elsewhere. Choose a column in the matrix or below.`;
    case 3:
      return `Backpropagation multiplies the two: ∂L/∂z${j + 1} sums, over every probability, its blame times its response to z${j + 1}. There are ${labels.length} paths from z${j + 1} to L, one through each pᵢ: the diagonal one (i = ${j + 1}) and ${labels.length - 1} off the diagonal. Together they are the vector–Jacobian product Jᵀ ∂L/∂p; the diagonal path alone is the classic mistake.`;
    default: {
      const g = numbers.gradient[j] ?? NaN;
      const who = labels[j] === 1 ? 'the true class, so it gets p − 1' : labels[j] === 0 ? 'not the true class, so it gets p itself' : 'given weight yⱼ, so it gets p − yⱼ';
      return `The pᵢ of −yᵢ/pᵢ cancels the pᵢ in front of the bracket, and Σ yᵢ = 1 does the rest. Class ${j + 1} is ${who}: ${formatNumber(g, DIGITS.value)}.`;
    }
  }
}
