import { useMemo } from 'react';
import { binaryCrossEntropyGradZ, binaryCrossEntropyLossZ, sigmoid, sigmoidGrad } from '../../core';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { CurvePlot, type Curve, type CurveHandle, type CurveMarker } from '../../plots/CurvePlot';
import { LIMITS } from '../../url/labInputs';
import { useLab, useLabStore } from '../../state/LabContext';
import { BinaryCrossEntropyChecks } from './BinaryCrossEntropyChecks';
import { bceGradPrediction, bceGradPredictionAtLogit, binaryState, logit, sampleCurve, type BinaryTarget } from './binaryCrossEntropyMath';
import { binaryFormulas } from './binaryCrossEntropyFormula';
import { BinaryControls } from '../../controls/BinaryControls';
import { CurveLegend } from '../../plots/CurveLegend';
import { LiveFormula } from '../../math/LiveFormula';

const Z_DOMAIN = [LIMITS.binaryLogit.min, LIMITS.binaryLogit.max] as const;
const Z_TICKS = [-10, -5, 0, 5, 10];
const Y_HAT_DOMAIN = [0, 1] as const;
const Y_HAT_TICKS = [0, 0.25, 0.5, 0.75, 1];

const COLOUR = { 1: 'var(--positive)', 0: 'var(--negative)', sigma: 'var(--class-3)', slope: 'var(--class-5)' } as const;
const TARGETS = [1, 0] as const;

/** Curves that never change: computed once for the module, not at every slider step. */
const CURVES = {
  sigma: sampleCurve(sigmoid, Z_DOMAIN),
  slope: sampleCurve(sigmoidGrad, Z_DOMAIN),
  loss: { 1: sampleCurve((z) => binaryCrossEntropyLossZ(z, 1), Z_DOMAIN), 0: sampleCurve((z) => binaryCrossEntropyLossZ(z, 0), Z_DOMAIN) },
  // ŷ from 0.005 to 0.995: the branches leave the plot (|∂L/∂ŷ| > 10) well before that
  gradPrediction: {
    1: sampleCurve((p) => bceGradPrediction(p, 1), [0.005, 0.995], 200),
    0: sampleCurve((p) => bceGradPrediction(p, 0), [0.005, 0.995], 200),
  },
  gradLogit: { 1: sampleCurve((z) => binaryCrossEntropyGradZ(z, 1), Z_DOMAIN), 0: sampleCurve((z) => binaryCrossEntropyGradZ(z, 0), Z_DOMAIN) },
};

const n = (v: number) => formatNumber(v, 3);
const tName = (t: BinaryTarget) => `t = ${t}`;

/**
 * Sigmoid and binary cross-entropy, live: one logit z and a label t in, four plots out (σ and σ′,
 * the loss, its derivative in ŷ, its derivative in z), each marking the current z on every curve,
 * with the derivation written out in the learner's numbers and checked on the spot.
 */
export function BinaryCrossEntropyExplorer() {
  const z = useLab((s) => s.binaryLogit);
  const t = useLab((s) => s.binaryTarget);
  const { setBinaryLogit } = useLabStore().getState();
  const s = useMemo(() => binaryState(z, t), [z, t]);
  const formulas = useMemo(() => binaryFormulas(s), [s]);
  const other: BinaryTarget = t === 1 ? 0 : 1;

  const { min, max, step } = LIMITS.binaryLogit;
  const handle = (where: string, fromX?: (x: number) => number): CurveHandle => ({
    name: `binary logit z, on the plot of ${where}`,
    value: z,
    min,
    max,
    step,
    valueText: formatNumber(z, 2),
    onValue: setBinaryLogit,
    fromX,
  });
  const pair = (id: string, byT: Record<BinaryTarget, readonly [number, number][]>): Curve[] =>
    TARGETS.map((k) => ({ id: `${id}-${k}`, points: byT[k], colour: COLOUR[k], emphasis: k === t }));
  const marks = (x: number, ids: (k: BinaryTarget) => string, value: (k: BinaryTarget) => number): CurveMarker[] =>
    // the current label's marker last, so it is drawn on top
    [other, t].map((k) => ({ term: ids(k), x, y: value(k), colour: COLOUR[k], emphasis: k === t }));

  const gradPredictionAt = (k: BinaryTarget) => bceGradPredictionAtLogit(z, k);
  const gradLogitAt = (k: BinaryTarget) => binaryCrossEntropyGradZ(z, k);
  const lossAt = (k: BinaryTarget) => (k === t ? s.loss : s.otherLoss);

  return (
    <section className="widget bce-explorer" aria-label="Sigmoid and binary cross-entropy explorer">
      <ul className="bce-values" aria-label="Current values">
        <li data-testid="bce-y-hat" data-term={term.binaryPrediction()}>ŷ = σ(z) = {n(s.yHat)}</li>
        <li data-testid="bce-loss" data-term={term.binaryLoss(t)}>L = {n(s.loss)}</li>
        <li data-testid="bce-grad-y-hat" data-term={term.binaryLossGradPrediction(t)}>∂L/∂ŷ = {n(s.gradPrediction)}</li>
        <li data-testid="bce-grad-z" data-term={term.binaryLossGradLogit(t)}>∂L/∂z = ŷ − t = {n(s.gradLogit)}</li>
      </ul>

      {/* above the plots, so the slider and what it moves are on screen together; on a phone the bar
          stays at the top of the screen (see the CSS), where a fieldset's legend on its border would
          sit over the text scrolling behind it, so it is a group named by aria-label */}
      <div className="controls bce-controls" role="group" aria-label="The logit and the label">
        <BinaryControls />
      </div>

      <div className="bce-plots">
        <figure>
          <CurvePlot
            label={`Sigmoid ŷ = σ(z) and its slope σ′(z) against z from −10 to 10; at z = ${formatNumber(z, 2)}, σ(z) = ${n(s.yHat)} and σ′(z) = ${n(s.slope)}.`}
            xDomain={Z_DOMAIN} yDomain={[0, 1]} xTicks={Z_TICKS} yTicks={[0, 0.25, 0.5, 0.75, 1]} xName="z" guideX={z}
            curves={[
              { id: 'sigma', points: CURVES.sigma, colour: COLOUR.sigma, emphasis: true },
              { id: 'slope', points: CURVES.slope, colour: COLOUR.slope, emphasis: false },
            ]}
            markers={[
              { term: term.sigmoidSlope(), x: z, y: s.slope, colour: COLOUR.slope, emphasis: false },
              { term: term.binaryPrediction(), x: z, y: s.yHat, colour: COLOUR.sigma, emphasis: true },
            ]}
            handle={handle('the sigmoid')}
          />
          <figcaption>
            <CurveLegend items={[{ colour: COLOUR.sigma, text: 'ŷ = σ(z)' }, { colour: COLOUR.slope, text: 'σ′(z) = ŷ(1 − ŷ)', dashed: true }]} />
          </figcaption>
        </figure>
        <figure>
          <CurvePlot
            label={`Binary cross-entropy against z for both labels; at z = ${formatNumber(z, 2)}, L = ${n(lossAt(1))} for t = 1 and ${n(lossAt(0))} for t = 0.`}
            xDomain={Z_DOMAIN} yDomain={[0, 10.5]} xTicks={Z_TICKS} yTicks={[0, 2, 4, 6, 8, 10]} xName="z" guideX={z}
            curves={pair('loss', CURVES.loss)}
            markers={marks(z, term.binaryLoss, lossAt)}
            handle={handle('the loss')}
          />
          <figcaption>
            <CurveLegend items={TARGETS.map((k) => ({ colour: COLOUR[k], text: `L for ${tName(k)}`, dashed: k !== t }))} />
          </figcaption>
        </figure>
        <figure>
          <CurvePlot
            label={`The derivative ∂L/∂ŷ against ŷ: −1/ŷ for t = 1 and 1/(1 − ŷ) for t = 0; at ŷ = ${n(s.yHat)} they are ${n(gradPredictionAt(1))} and ${n(gradPredictionAt(0))}.`}
            xDomain={Y_HAT_DOMAIN} yDomain={[-10, 10]} xTicks={Y_HAT_TICKS} yTicks={[-10, -5, 0, 5, 10]} xName="ŷ" guideX={s.yHat}
            curves={pair('grad-y-hat', CURVES.gradPrediction)}
            markers={marks(s.yHat, term.binaryLossGradPrediction, gradPredictionAt)}
            handle={handle('∂L/∂ŷ', (p) => logit(Math.min(Math.max(p, 1e-6), 1 - 1e-6)))}
          />
          <figcaption>
            <CurveLegend
              items={TARGETS.map((k) => ({ colour: COLOUR[k], text: `∂L/∂ŷ for ${tName(k)}: ${k === 1 ? '−1/ŷ' : '1/(1 − ŷ)'}`, dashed: k !== t }))}
            />
          </figcaption>
        </figure>
        <figure>
          <CurvePlot
            label={`The derivative ∂L/∂z = ŷ − t against z for both labels; at z = ${formatNumber(z, 2)} it is ${n(gradLogitAt(1))} for t = 1 and ${n(gradLogitAt(0))} for t = 0.`}
            xDomain={Z_DOMAIN} yDomain={[-1, 1]} xTicks={Z_TICKS} yTicks={[-1, -0.5, 0, 0.5, 1]} xName="z" guideX={z}
            curves={pair('grad-z', CURVES.gradLogit)}
            markers={marks(z, term.binaryLossGradLogit, gradLogitAt)}
            handle={handle('∂L/∂z')}
          />
          <figcaption>
            <CurveLegend items={TARGETS.map((k) => ({ colour: COLOUR[k], text: `∂L/∂z for ${tName(k)}: ŷ − ${k}`, dashed: k !== t }))} />
          </figcaption>
        </figure>
      </div>

      <LiveFormula
        className="bce-formula"
        label={`Live formulas: ${formulas.map((f) => f.text).join('; ')}`}
        lines={formulas.map((f) => f.pieces)}
      />

      <BinaryCrossEntropyChecks state={s} />
    </section>
  );
}
