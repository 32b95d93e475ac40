import { Tex } from '../math/Tex';
import { workedExampleTex } from './softmaxFormula';

/**
 * The seed notes' worked example, z = [2, 3, 4], written out step by step. Its numbers are not typed
 * into the prose: they come from the core, like every other number on the page.
 */
export function WorkedExample() {
  const [powers, fractions] = workedExampleTex();
  return (
    <div className="worked-example" data-testid="worked-example">
      <Tex display tex={powers} />
      <Tex display tex={fractions} />
    </div>
  );
}
