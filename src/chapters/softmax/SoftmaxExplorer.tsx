import { useCallback, useMemo, useState } from 'react';
import { softmax, softmaxTerms } from '../../core';
import { formatNumber } from '../../format/formatNumber';
import { shiftNote } from './softmaxMath';
import { term } from '../../format/terms';
import { LogitBars } from '../../plots/LogitBars';
import { ProbabilityBars } from '../../plots/ProbabilityBars';
import { canShift } from '../../state/createLabStore';
import { LIMITS } from '../../url/labInputs';
import { useLab, useLabStore } from '../../state/LabContext';
import { SoftmaxChecks } from './SoftmaxChecks';
import { RangeSlider } from '../../controls/RangeSlider';
import { ShiftControls } from '../../controls/ShiftControls';
import { LogitControls } from '../../controls/LogitSliders';
import { LecturerControl } from '../../controls/LecturerControl';
import { softmaxFractionTex, softmaxFractionText } from './softmaxFormula';
import { LiveFormula } from '../../math/LiveFormula';
import { CopyAsCode } from '../../tools/copyAsCode/CopyAsCode';

// The programs' text is fetched when the learner points at "Copy as …", not with the chapter.
const loadPrograms = () => import('../../tools/copyAsCode/programs');

// A lecturer's hide= or lock= in an embed: restoring the worked example resets T too, and a shift moves z.
const TEMPERATURE = ['temperature'];
const LOGITS = ['logits'];

/** The class a focus id points at ("z-3" or "p-3" → 2), if any. */
function focusedClass(focus: string | null, classes: number): number | undefined {
  const m = focus && /^[zp]-(\d+)$/.exec(focus);
  const k = m ? Number(m[1]) - 1 : -1;
  return k >= 0 && k < classes ? k : undefined;
}

/**
 * Softmax, live: logit sliders and draggable bars in, probability bars and the formula out, with
 * temperature, add/remove a class, shift every logit, and the worked example one click away.
 */
export function SoftmaxExplorer() {
  const logits = useLab((s) => s.logits);
  const temperature = useLab((s) => s.temperature);
  const focus = useLab((s) => s.focus);
  const store = useLabStore();
  // Actions never change, so they are read once instead of subscribed to.
  const { setLogit, setTemperature, restoreWorkedExample } = store.getState();
  const [shiftMessage, setShiftMessage] = useState('');

  const probabilities = useMemo(() => softmax(logits, temperature), [logits, temperature]);
  const { exponentials, sum } = useMemo(() => softmaxTerms(logits, temperature), [logits, temperature]);
  const argmax = probabilities.indexOf(Math.max(...probabilities));
  const shown = focusedClass(focus, logits.length) ?? argmax;
  const formulaInput = { logits, temperature, probabilities, exponentials, sum, shown };
  const fraction = softmaxFractionTex(formulaInput);

  // The probabilities before and after, from the store at the moment of the click, so the note says
  // what the shift did rather than what it should do.
  const shift = useCallback(
    (c: number) => {
      const before = store.getState();
      const p = softmax(before.logits, before.temperature);
      before.shiftLogits(c);
      const after = store.getState();
      if (after.logits !== before.logits) setShiftMessage(shiftNote(c, p, softmax(after.logits, after.temperature)));
    },
    [store],
  );
  const { min, max, step } = LIMITS.logit;

  return (
    <section className="widget softmax-explorer" aria-label="Softmax explorer">
      <div className="plots-pair">
        <figure>
          <LogitBars logits={logits} domain={[min, max]} step={step} onChange={setLogit} />
          <figcaption>Logits z: drag a bar up or down.</figcaption>
        </figure>
        <figure>
          <ProbabilityBars probabilities={probabilities} />
          <figcaption>Probabilities p = softmax(z / T).</figcaption>
        </figure>
      </div>

      <ul className="probability-text" aria-label="Probabilities">
        {Array.from(probabilities, (p, i) => (
          <li key={i} data-testid={`p-text-${i + 1}`} data-term={term.probability(i)}>
            p{i + 1} = {formatNumber(p, 3)}
          </li>
        ))}
      </ul>

      <SoftmaxChecks logits={logits} temperature={temperature} probabilities={probabilities} />

      <LiveFormula
        label={`Live formula: ${softmaxFractionText(formulaInput)}`}
        lines={[[fraction.definition, fraction.powers], [fraction.values]]}
      />

      <LogitControls />

      <LecturerControl ids={TEMPERATURE}>
        <fieldset className="controls">
          <legend>Temperature and shift</legend>
          <RangeSlider
            label="temperature T"
            symbol="T"
            value={temperature}
            min={LIMITS.temperature.min}
            max={LIMITS.temperature.max}
            step={LIMITS.temperature.step}
            digits={2}
            term={term.temperature()}
            onValue={setTemperature}
          />
          <LecturerControl ids={LOGITS}>
            <ShiftControls
              canAdd={canShift(logits, 1)}
              canSubtract={canShift(logits, -1)}
              min={min}
              max={max}
              note={shiftMessage}
              onShift={shift}
              onRestore={restoreWorkedExample}
            />
          </LecturerControl>
        </fieldset>
      </LecturerControl>

      <CopyAsCode
        subject="the softmax"
        programs={loadPrograms}
        numpy={(p) => p.softmaxNumpy({ logits, temperature })}
        torch={(p) => p.softmaxTorch({ logits, temperature })}
      />
    </section>
  );
}
