import { useCallback, useMemo, useState } from 'react';
import { useDistributionSetters } from './useDistributionSetters';
import { useWidgetState } from '../../state/useWidgetState';
import { INFORMATION_STATE } from './informationState';
import { LecturerControl } from '../../controls/LecturerControl';
import { softmax } from '../../core';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { DistributionBars } from '../../plots/DistributionBars';
import { useLab, useLabStore } from '../../state/LabContext';
import { InformationChecks } from './InformationChecks';
import { informationTex, informationText } from './informationFormula';
import { informationMeasures, matchNote, matchPrediction, type InformationUnit } from './informationMath';
import { InformationTable } from './InformationTable';
import { LogitSliders } from '../../controls/LogitSliders';
import { UnitSwitch } from './UnitSwitch';
import { LiveFormula } from '../../math/LiveFormula';

const sameValues = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Information, entropy, cross-entropy and KL, live: the target y and the prediction p as two
 * draggable distributions, the measures in bits or nats, H(y, p) and KL written out with the
 * learner's numbers, and the chapter's claims checked on the spot.
 *
 * y is the store's labels and p is softmax(logits) at T = 1 (temperature belongs to the softmax
 * chapter, and the Jacobian chapter reads p the same way), so what the learner sets here carries on to
 * the loss chapters. Dragging p sets the logits: see logitsForDistribution for how, and why p follows
 * only to the resolution of the 0.1 logit grid.
 */
export function InformationExplorer() {
  const logits = useLab((s) => s.logits);
  const labels = useLab((s) => s.labels);
  const store = useLabStore();
  const [{ u: unit }, update] = useWidgetState(INFORMATION_STATE);
  const setUnit = useCallback((u: InformationUnit) => update({ u }), [update]);
  // What "Make p equal y" last did: the y it matched and the logits it set. The note under the button
  // is not kept: it is derived below from the current y, p and unit, and shown only while y and the
  // logits are still the ones matched, so a unit switch rewrites it and any other change removes it.
  const [matched, setMatched] = useState<{ labels: readonly number[]; logits: readonly number[] } | null>(null);

  const probabilities = useMemo(() => Array.from(softmax(logits)), [logits]);
  const measures = useMemo(() => informationMeasures(labels, probabilities, unit), [labels, probabilities, unit]);
  const formula = { labels, probabilities, unit, measures };
  const tex = informationTex(formula);
  const note =
    matched && sameValues(matched.labels, labels) && sameValues(matched.logits, logits) ? matchNote(labels, measures.kl, unit) : '';

  const { setTarget, setPrediction } = useDistributionSetters();

  const matchPredictionToTarget = () => {
    const s = store.getState();
    const match = matchPrediction(s.labels, s.logits, unit);
    s.setLogits(match.logits);
    const after = store.getState();
    setMatched({ labels: after.labels, logits: after.logits });
  };
  const setOneHot = (index: number) => store.getState().setLabelClass(index);
  const setUniform = () => store.getState().setLabels(labels.map(() => 1));

  const summary: [string, string, number][] = [
    ['entropy', 'H(y)', measures.entropy],
    ['cross-entropy', 'H(y, p)', measures.crossEntropy],
    ['kl', 'KL(y ‖ p)', measures.kl],
  ];

  return (
    <section className="widget information-explorer" aria-label="Information explorer">
      <LecturerControl ids={['u']}>
        <UnitSwitch unit={unit} onUnit={setUnit} />
      </LecturerControl>

      <div className="plots-pair">
        <figure>
          <DistributionBars values={labels} symbol="y" role="target" termOf={term.label} onChange={setTarget} />
          <figcaption>Target y: what actually happens. Drag a bar; the others share the rest.</figcaption>
        </figure>
        <figure>
          <DistributionBars values={probabilities} symbol="p" role="prediction" termOf={term.probability} onChange={setPrediction} />
          <figcaption>Prediction p = softmax(z): what the model expects. Drag a bar.</figcaption>
        </figure>
      </div>

      <dl className="information-summary">
        {summary.map(([id, name, value]) => (
          <div key={id}>
            <dt>{name}</dt>
            <dd data-testid={`summary-${id}`}>
              {formatNumber(value, 3)} {unit}
            </dd>
          </div>
        ))}
      </dl>

      <LiveFormula label={`Live formula: ${informationText(formula)}`} lines={[tex.crossEntropy, tex.kl]} />

      <InformationChecks labels={labels} probabilities={probabilities} unit={unit} measures={measures} />

      <InformationTable labels={labels} probabilities={probabilities} unit={unit} measures={measures} />

      <LecturerControl ids={['labels']}>
        <fieldset className="controls">
          <legend>Target y</legend>
          <div className="button-row" role="group" aria-label="Make y one-hot">
            {labels.map((_, i) => (
              <button key={i} type="button" aria-label={`y one-hot at class ${i + 1}`} onClick={() => setOneHot(i)}>
                one-hot at class {i + 1}
              </button>
            ))}
            <button type="button" onClick={setUniform}>
              Make y uniform
            </button>
          </div>
        </fieldset>
      </LecturerControl>

      <fieldset className="controls">
        <legend>Prediction p = softmax(z)</legend>
        <LecturerControl ids={['logits']}>
          <div className="button-row">
            <button type="button" onClick={matchPredictionToTarget}>
              Make p equal y
            </button>
          </div>
        </LecturerControl>
        <p className="hint" aria-live="polite" data-testid="match-note">
          {note}
        </p>
        <LogitSliders editClasses />
      </fieldset>
    </section>
  );
}
