import { useId } from 'react';
import { useStability } from './StabilityContext';

/**
 * The true class (`sy`) as native radios, one per logit, named "true class k" (arrow keys move between
 * them). The overflow explorer shows them among its logit controls, the backward pass beside ε and the
 * precision; both set the one store, so the two groups always agree.
 */
export function TrueClassRadios() {
  const count = useStability((s) => s.logits.length);
  const label = useStability((s) => s.label);
  const setLabel = useStability((s) => s.setLabel);
  const name = useId();
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <label key={i} className="label-choice">
          <input type="radio" name={name} checked={label === i} onChange={() => setLabel(i)} />
          true class {i + 1}
        </label>
      ))}
    </>
  );
}
