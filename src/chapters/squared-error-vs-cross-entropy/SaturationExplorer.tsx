import { useCallback, useId, useMemo } from 'react';
import { useWidgetState } from '../../state/useWidgetState';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { GradientCurves } from '../../plots/GradientCurves';
import { LecturerControl } from '../../controls/LecturerControl';
import { RangeSlider } from '../../controls/RangeSlider';
import { SaturationChecks } from './SaturationChecks';
import { saturationTex, saturationText } from './saturationFormula';
import { confidentlyWrongRegion, gradientCurves, gradientsAt, snapZ, WRONG_BY, Z_LIMITS, type Target } from './saturationMath';
import { LiveFormula } from '../../math/LiveFormula';
import { SATURATION_STATE } from './squaredErrorState';

/**
 * Both losses' gradients in z against z, for t = 0 or 1, with the learner's z marked on every curve
 * and written out in the formulas. Its inputs (z and t) are this widget's own state, kept in the
 * address (`logit`, `target`): the chapter needs no store field, and none of its numbers leak into
 * other chapters.
 */
export function SaturationExplorer() {
  const [state, update, mode] = useWidgetState(SATURATION_STATE);
  const z = state.logit;
  const t: Target = state.target === '0' ? 0 : 1;
  const setZ = useCallback((value: number) => update({ logit: snapZ(value) }), [update]);
  const setT = useCallback((value: Target) => update({ target: value === 0 ? '0' : '1' }), [update]);
  const targetName = useId();

  const g = useMemo(() => gradientsAt(z, t), [z, t]);
  const curves = useMemo(() => gradientCurves(t), [t]);
  const region = confidentlyWrongRegion(t);
  const tex = saturationTex(g);
  const edge = gradientsAt(t === 1 ? region[1] : region[0], t);

  const label =
    `Gradients against the logit z from ${formatNumber(Z_LIMITS.min, 0)} to ${formatNumber(Z_LIMITS.max, 0)} for t = ${t}: ` +
    `at z = ${formatNumber(z, 1)}, ŷ = ${formatNumber(g.prediction, 3)}, squared error's ∂L/∂z = ${formatNumber(g.squaredError, 3)}, ` +
    `cross-entropy's = ${formatNumber(g.crossEntropy, 3)}, σ′ = ${formatNumber(g.slope, 3)}. ` +
    `Shaded: the confidently wrong region, z ${t === 1 ? 'below' : 'above'} ${formatNumber(t === 1 ? region[1] : region[0], 2)}, ` +
    `where squared error's gradient is at most ${formatNumber(Math.abs(edge.squaredError), 3)} in size and cross-entropy's at least ${formatNumber(WRONG_BY, 1)}.`;

  return (
    <section className="widget se-ce-widget saturation-explorer" aria-label="Gradient comparison">
      <figure className="saturation-figure">
        <GradientCurves
          label={label}
          zs={curves.z}
          curves={[
            { term: term.crossEntropyGradZ(), kind: 'cross-entropy', values: curves.crossEntropy, at: g.crossEntropy },
            { term: term.squaredErrorGradZ(), kind: 'squared-error', values: curves.squaredError, at: g.squaredError },
            { term: term.saturationSlope(), kind: 'slope', values: curves.slope, at: g.slope },
          ]}
          z={z}
          zLimits={Z_LIMITS}
          region={region}
          zTerm={term.binaryLogit()}
          onZ={setZ}
        />
        <figcaption>
          <span className="legend-item legend-cross-entropy" data-term={term.crossEntropyGradZ()}>
            cross-entropy ŷ − t
          </span>
          <span className="legend-item legend-squared-error" data-term={term.squaredErrorGradZ()}>
            squared error (ŷ − t)·σ′
          </span>
          <span className="legend-item legend-slope" data-term={term.saturationSlope()}>
            σ′(z) = ŷ(1 − ŷ)
          </span>
        </figcaption>
      </figure>

      <p className="gradient-readout" data-testid="gradient-readout" aria-live="polite">
        At z = {formatNumber(z, 1)} (ŷ = {formatNumber(g.prediction, 3)}, t = {t}):{' '}
        <span data-term={term.squaredErrorGradZ()} data-testid="se-gradient">
          squared error {formatNumber(g.squaredError, 3)}
        </span>
        ,{' '}
        <span data-term={term.crossEntropyGradZ()} data-testid="ce-gradient">
          cross-entropy {formatNumber(g.crossEntropy, 3)}
        </span>
        .{' '}
        {g.confidentlyWrong ? 'The prediction is confidently wrong.' : ''}
      </p>

      <LiveFormula
        label={`Live formulas: ${saturationText(g)}`}
        lines={[tex.prediction, tex.squaredError, tex.crossEntropy, tex.slope]}
      />

      <SaturationChecks g={g} />

      {/* a lecturer who hid both controls leaves no empty box behind */}
      {(mode('logit') !== 'hidden' || mode('target') !== 'hidden') && (
        <fieldset className="controls">
          <legend>Logit and target</legend>
          <LecturerControl ids={['logit']}>
            <RangeSlider
              label="logit z"
              symbol="z"
              value={z}
              min={Z_LIMITS.min}
              max={Z_LIMITS.max}
              step={Z_LIMITS.step}
              digits={1}
              term={term.binaryLogit()}
              onValue={setZ}
            />
          </LecturerControl>
          <LecturerControl ids={['target']}>
            <div className="target-choice" role="radiogroup" aria-labelledby={targetName}>
              <span id={targetName}>Target t:</span>
              {([1, 0] as const).map((value) => (
                <label key={value}>
                  <input type="radio" name={`${targetName}-t`} checked={t === value} onChange={() => setT(value)} />
                  t = {value} {value === 1 ? '(the point is of class 1)' : '(the point is of class 0)'}
                </label>
              ))}
            </div>
          </LecturerControl>
        </fieldset>
      )}
    </section>
  );
}
