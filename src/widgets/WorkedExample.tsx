import { Tex } from '../math/Tex';
import { workedExampleTex, workedExampleText } from './softmaxFormula';

/**
 * The seed notes' worked example, z = [2, 3, 4], written out step by step. Its numbers are not typed
 * into the prose: they come from the core, like every other number on the page.
 */
export function WorkedExample() {
  const [powers, fractions] = workedExampleTex();
  const [powersText, fractionsText] = workedExampleText();
  return (
    <div className="worked-example" data-testid="worked-example">
      <Tex display tex={powers} label={powersText} />
      <Tex display tex={fractions} label={fractionsText} />
    </div>
  );
}
