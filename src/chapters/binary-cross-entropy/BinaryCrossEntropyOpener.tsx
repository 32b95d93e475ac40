import { binaryCrossEntropyLossZ } from '../../core';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { CurvePlot } from '../../plots/CurvePlot';
import { useMeasuredWidth } from '../../plots/useMeasuredWidth';
import { LIMITS } from '../../url/labInputs';
import { useLab, useLabStore } from '../../state/LabContext';
import { binaryState, sampleCurve } from './binaryCrossEntropyMath';
import { Opener } from '../Opener';

const { min, max, step } = LIMITS.binaryLogit;
const Z_DOMAIN = [min, max] as const;
const TARGETS = [1, 0] as const;
const COLOUR = { 1: 'var(--positive)', 0: 'var(--negative)' } as const;
// computed once for the module: the curves never change, only the marker moves
const LOSS = {
  1: sampleCurve((z) => binaryCrossEntropyLossZ(z, 1), Z_DOMAIN),
  0: sampleCurve((z) => binaryCrossEntropyLossZ(z, 0), Z_DOMAIN),
};
const n = (v: number) => formatNumber(v, 3);

/** Chapter 5 opens with the loss of one logit: slide z along the curve, flip the label, read the cost. */
export function BinaryCrossEntropyOpener() {
  const z = useLab((s) => s.binaryLogit);
  const t = useLab((s) => s.binaryTarget);
  const { setBinaryLogit, setBinaryTarget } = useLabStore().getState();
  const [ref, width] = useMeasuredWidth<HTMLDivElement>(560, 260, 640);
  const s = binaryState(z, t);
  return (
    <Opener
      name="Binary cross-entropy at a glance"
      caption={
        <>
          Drag across the plot (or focus it and press the arrow keys) to move the logit z, and switch the label t. A
          confident right answer costs almost nothing; a confident wrong one costs about |z|.
        </>
      }
    >
      <div className="opener-toggle" role="group" aria-label="label t">
        {TARGETS.map((k) => (
          <button key={k} type="button" aria-pressed={t === k} onClick={() => setBinaryTarget(k)}>
            t = {k}
          </button>
        ))}
      </div>
      <div ref={ref}>
        <CurvePlot
          label={`Binary cross-entropy L against z for t = 1 and t = 0; at z = ${formatNumber(z, 2)} with t = ${t}, ŷ = σ(z) = ${n(s.yHat)} and L = ${n(s.loss)}.`}
          xDomain={Z_DOMAIN}
          yDomain={[0, 10.5]}
          xTicks={[-10, -5, 0, 5, 10]}
          yTicks={[0, 5, 10]}
          xName="z"
          guideX={z}
          curves={TARGETS.map((k) => ({ id: `opener-loss-${k}`, points: LOSS[k], colour: COLOUR[k], emphasis: k === t }))}
          markers={[{ term: term.binaryLoss(t), x: z, y: s.loss, colour: COLOUR[t], emphasis: true }]}
          handle={{
            name: 'binary logit z, on the loss plot',
            value: z,
            min,
            max,
            step,
            valueText: formatNumber(z, 2),
            onValue: setBinaryLogit,
          }}
          width={width}
          height={width < 420 ? 170 : 190}
        />
      </div>
      <p className="opener-readout" data-testid="opener-readout">
        z = {formatNumber(z, 2)} · ŷ = σ(z) = {n(s.yHat)} · L = {n(s.loss)} (solid: t = {t}; dashed: t = {t === 1 ? 0 : 1})
      </p>
    </Opener>
  );
}
