import { Tex } from '../../math/Tex';
import { workedExampleTex, workedExampleText } from './softmaxFormula';

/**
 * The seed notes' worked example, z = [2, 3, 4], written out step by step. Its numbers are not typed
 * into the prose: they come from the core, like every other number on the page.
 */
export function WorkedExample() {
  const words = workedExampleText();
  return (
    <div className="worked-example" data-testid="worked-example">
      {workedExampleTex().map((tex, i) => (
        <Tex key={i} display tex={tex} label={words[i]} />
      ))}
    </div>
  );
}
