import { useId } from 'react';
import { LecturerControl } from '../../controls/LecturerControl';
import { useStability } from './StabilityContext';
import { EPSILONS } from './stabilityInputs';
import { textEpsilon } from './stabilityFormula';

/** ε of the ln(p + ε) trick (`eps`): a native radio group (arrow keys move between the choices). */
export function EpsilonChoice() {
  const epsilon = useStability((s) => s.epsilon);
  const setEpsilon = useStability((s) => s.setEpsilon);
  const name = useId();
  return (
    <LecturerControl ids={['eps']}>
      <fieldset className="controls choice-row">
        <legend>ε inside the logarithm</legend>
        {EPSILONS.map((eps) => (
          <label key={eps} className="choice">
            <input type="radio" name={name} checked={epsilon === eps} onChange={() => setEpsilon(eps)} />
            ε = {textEpsilon(eps)}
            {eps === 0 ? ' (no trick: ln of softmax)' : ''}
          </label>
        ))}
      </fieldset>
    </LecturerControl>
  );
}
