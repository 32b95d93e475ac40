import { useMemo, useState } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { GradientCurves } from '../../plots/GradientCurves';
import { useMeasuredWidth } from '../../plots/useMeasuredWidth';
import { confidentlyWrongRegion, gradientCurves, gradientsAt, SATURATION_START, snapZ, Z_LIMITS } from './saturationMath';
import { Opener } from '../Opener';

/** The opener's point is of class 1 (t = 1), so every z left of the shaded edge is a confident mistake. */
const TARGET = 1;

/**
 * Chapter 7 opens with its finding: move the logit of a wrong prediction and watch both gradients.
 * The explorer below keeps z and t in the address (its own widget state), so this figure keeps its z
 * locally and starts where the explorer does; the explorer then adds t, σ′, the formulas and checks.
 */
export function SaturationOpener() {
  const [z, setZ] = useState(SATURATION_START.z);
  const [box, width] = useMeasuredWidth<HTMLDivElement>(640);
  const g = useMemo(() => gradientsAt(z, TARGET), [z]);
  const curves = useMemo(() => gradientCurves(TARGET), []);
  const region = confidentlyWrongRegion(TARGET);
  const ce = formatNumber(g.crossEntropy, 3);
  const se = formatNumber(g.squaredError, 3);
  const label =
    `Both gradients ∂L/∂z against the logit z from ${formatNumber(Z_LIMITS.min, 0)} to ${formatNumber(Z_LIMITS.max, 0)} for t = 1: ` +
    `at z = ${formatNumber(z, 1)}, ŷ = ${formatNumber(g.prediction, 3)}, cross-entropy's = ${ce}, squared error's = ${se}. ` +
    `Shaded: the confidently wrong region, z below ${formatNumber(region[1], 2)}.`;
  return (
    <Opener
      name="Two gradients at a glance"
      caption={
        <>
          Drag z. While the prediction is confidently wrong (shaded), cross-entropy’s gradient stays near −1; squared
          error’s fades to 0.
        </>
      }
    >
      <div className="se-ce-widget saturation-opener" ref={box}>
        <GradientCurves
          label={label}
          zs={curves.z}
          curves={[
            { term: term.crossEntropyGradZ(), kind: 'cross-entropy', values: curves.crossEntropy, at: g.crossEntropy },
            { term: term.squaredErrorGradZ(), kind: 'squared-error', values: curves.squaredError, at: g.squaredError },
          ]}
          z={z}
          zLimits={Z_LIMITS}
          region={region}
          zTerm={term.binaryLogit()}
          onZ={(value) => setZ(snapZ(value))}
          // a phone's figure, readout included, stays within its first screen under the title
          height={width < 500 ? 170 : 200}
          handleLabel="logit z in the opening plot"
        />
        <p className="opener-readout" aria-live="polite">
          z = {formatNumber(z, 1)}, ŷ = {formatNumber(g.prediction, 3)}, t = 1 · ∂L/∂z:{' '}
          <span className="legend-item legend-cross-entropy">cross-entropy {ce}</span>{' '}
          <span className="legend-item legend-squared-error">squared error {se}</span>
        </p>
      </div>
    </Opener>
  );
}
