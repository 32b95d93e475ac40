import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { logisticCostGrid } from '../../core/logisticCostGrid';
import { useWidgetState } from '../../state/useWidgetState';
import { formatNumber } from '../../format/formatNumber';
import { LiveFormula } from '../../math/LiveFormula';
import { term } from '../../format/terms';
import { gridMinimum, lowestOnMapText, MAP_FOLLOW_MS, MAP_SPEC, outlineLevel } from './costMap';
import { CostContourMap } from './CostContourMap';
import { LogisticChecks } from './LogisticChecks';
import { curvatureAt } from './logisticCurvature';
import { logisticTex, logisticText, twoForms } from './logisticFormula';
import { PointControls, TrainingControls } from './LogisticDescentControls';
import { trainingData, MAX_STEPS, nextOnMap, POINT_LIMIT, WEIGHT_LIMIT, type ClassLabel } from './logisticDescent';
import { descentFromLink, linkedDescentReducer, linkOfDescent, sameLink, type DescentLink } from './logisticLink';
import { LOGISTIC_STATE } from './logisticState';
import { PointScatter, pointName } from './PointScatter';

/** While playing, the link (and so the share panel's address) follows the steps at most this often. */
const LINK_INTERVAL_MS = 200;
/** With reduced motion, Play takes one step this often instead of one per frame. */
const REDUCED_MOTION_INTERVAL_MS = 250;

const spec = MAP_SPEC;
const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
const percent = (a: number) => `${formatNumber(100 * a, 0)}%`;
const pair = (a: number, b: number) => `(${formatNumber(a, 2)}, ${formatNumber(b, 2)})`;

/**
 * Chapter 6's lab: points in two classes (add, drag, delete), the decision boundary they train, the
 * cost over (w₁, w₂) as a contour map with the gradient-descent path, Step/Play/Pause/Reset, the
 * learning rate on a log scale, and the two label conventions' costs side by side. Its state is the
 * reducer of logisticDescent.ts, kept in step with the address (logisticState.ts): a link opens the lab
 * with its steps replayed, and the lab writes its link back as the learner goes.
 */
export function LogisticRegressionLab() {
  const [link, updateLink, mode] = useWidgetState(LOGISTIC_STATE);
  const [state, dispatch] = useReducer(linkedDescentReducer, link, descentFromLink);
  const newClass: ClassLabel = link.cls === 0 ? 0 : 1;
  const pointsFixed = mode('pts') !== 'shown';
  const startFixed = mode('start') !== 'shown';
  const [playing, setPlaying] = useState(false);
  const [focusId, setFocusId] = useState<number | null>(null);

  // The link this lab last wrote or loaded: the address saying anything else is news from outside.
  const written = useRef<DescentLink>(link);
  // From the address (a link followed while the page is open): load the lab it describes.
  // Declared before the writing effect, so a write still on its way in is not mistaken for news.
  useEffect(() => {
    if (sameLink(link, written.current)) return;
    written.current = link;
    setPlaying(false);
    dispatch({ type: 'load', link });
  }, [link]);
  // To the address: every change of the lab; while playing, at most every LINK_INTERVAL_MS (each
  // update renders the lab once more), and at once when it stops. The hook writes once it pauses.
  const lastLink = useRef(0);
  useEffect(() => {
    const next = linkOfDescent(state);
    if (sameLink(next, written.current)) return;
    const now = performance.now();
    if (playing && now - lastLink.current < LINK_INTERVAL_MS) return;
    lastLink.current = now;
    written.current = next;
    updateLink(next);
  }, [state, playing, updateLink]);

  const forms = useMemo(() => twoForms(state), [state]);
  const { readout } = forms;
  const [w1, w2, b] = readout.w;
  const data = useMemo(() => trainingData(state.points), [state.points]);

  // The map's b: the current one, except while playing, when it follows at most every MAP_FOLLOW_MS.
  const [playedB, setPlayedB] = useState(b);
  const lastMap = useRef(0);
  useEffect(() => {
    if (!playing) return;
    const now = performance.now();
    if (now - lastMap.current >= MAP_FOLLOW_MS) {
      lastMap.current = now;
      setPlayedB(b);
    }
  }, [b, playing]);
  const mapB = playing ? playedB : b;
  const grid = useMemo(() => logisticCostGrid(data.X, data.t, Number.isFinite(mapB) ? mapB : 0, spec), [data, mapB]);
  const minimum = useMemo(() => gridMinimum(grid, spec), [grid]);
  // The outline through the current point, on the slice drawn (see outlineLevel).
  const sliceCost = useMemo(
    () => (readout.problem === null && Number.isFinite(mapB) ? outlineLevel(data.X, data.t, [w1, w2], mapB) : NaN),
    [readout.problem, w1, w2, mapB, data],
  );

  const atCap = readout.steps >= MAX_STEPS;
  const canTrain = readout.problem === null && !atCap;
  const step = useCallback((k: number) => dispatch({ type: 'step', steps: k }), []);

  useEffect(() => {
    if (!playing) return;
    if (prefersReducedMotion()) {
      const timer = setInterval(() => step(1), REDUCED_MOTION_INTERVAL_MS);
      return () => clearInterval(timer);
    }
    let frame = 0;
    const tick = () => {
      step(1);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, step]);
  if (playing && !canTrain) setPlaying(false);

  const curvature = useMemo(() => curvatureAt(state.points, readout.w, state.learnBias), [state.points, readout.w, state.learnBias]);

  // The lab writes its link to the address as it goes (the effect above), and the hook keeping it draws
  // the lab once more with nothing else changed. The view is a function of what it shows, so that pass
  // returns the same element and React skips the whole lab: one render a slider step, not two.
  return useMemo(() => {
    const next = canTrain ? nextOnMap(state.rate, readout) : null;

    const onMap = Math.abs(w1) <= WEIGHT_LIMIT && Math.abs(w2) <= WEIGHT_LIMIT;
    // where the drawn path begins: the start, or the weights a change of the points left
    const pathStart = state.path[0] ?? state.start;
    const mapLabel =
      `Contour map of the cross-entropy cost over w₁ and w₂ from −${WEIGHT_LIMIT} to ${WEIGHT_LIMIT}, with b held at ${formatNumber(mapB, 2)}. ` +
      (readout.problem !== null
        ? 'There is no cost to draw: the points do not include both classes.'
        : `Current weights w₁ = ${formatNumber(w1, 3)}, w₂ = ${formatNumber(w2, 3)}${onMap ? '' : ' (off the map)'}, cost ${formatNumber(readout.cost, 4)}. ` +
          `The descent path has ${readout.steps} step${readout.steps === 1 ? '' : 's'} from ${pair(pathStart[0], pathStart[1])}. ` +
          (minimum ? `Lowest cost on the map: ${formatNumber(minimum.cost, 4)} at ${pair(minimum.w1, minimum.w2)}${minimum.onEdge ? ', on the edge of the map' : ''}.` : ''));
    const ones = state.points.filter((p) => p.t === 1).length;
    const scatterLabel =
      `${state.points.length} points, ${ones} of class 1 and ${state.points.length - ones} of class 0, in x₁ and x₂ from −${POINT_LIMIT} to ${POINT_LIMIT}. ` +
      (Math.hypot(w1, w2) === 0
        ? `The weights w₁ and w₂ are 0, so there is no boundary line: every point is predicted class ${b >= 0 ? 1 : 0}.`
        : `Decision boundary ${formatNumber(w1, 2)} x₁ + ${formatNumber(w2, 2)} x₂ + ${formatNumber(b, 2)} = 0; class 1 is predicted on the side w points to.`) +
      (readout.problem === null ? ` Accuracy ${percent(readout.accuracy)}.` : '') +
      (pointsFixed ? '' : ' Press empty space to add a point, drag a point to move it.');

    const tex = logisticTex(forms);
    const added = focusId === null ? undefined : state.points.find((p) => p.id === focusId);
    const notice = state.notice ?? readout.problem;

    return (
      <section className="widget logistic-widget logistic-lab" aria-label="Logistic regression lab">
        {notice && (
          <p className="notice" role="status" data-testid="lab-notice">
            {notice}
          </p>
        )}
        <div className="plots-pair">
          <figure>
            <PointScatter
              label={scatterLabel}
              points={state.points}
              w={readout.w}
              limit={POINT_LIMIT}
              focusId={focusId}
              readOnly={pointsFixed}
              onAdd={(x1, x2) => dispatch({ type: 'add', x1, x2, t: newClass })}
              onMove={(id, x1, x2) => dispatch({ type: 'move', id, x1, x2 })}
              onRemove={(id) => {
                setFocusId(null);
                dispatch({ type: 'remove', id });
              }}
            />
            <figcaption>
              <span className="legend-item legend-class-1">class 1 (t = 1, s = +1)</span>{' '}
              <span className="legend-item legend-class-0">class 0 (t = 0, s = −1)</span>{' '}
              <span className="legend-item legend-boundary" data-term={term.logisticBoundary()}>
                boundary z = 0
              </span>
            </figcaption>
          </figure>
          <figure>
            <CostContourMap
              label={mapLabel}
              values={grid}
              spec={spec}
              path={state.path}
              cost={sliceCost}
              next={next}
              onStart={
                startFixed
                  ? undefined
                  : (a, c) => {
                      setPlaying(false);
                      dispatch({ type: 'start', w1: a, w2: c });
                    }
              }
            />
            <figcaption data-testid="map-caption">
              Cost over (w₁, w₂) with b held at {formatNumber(mapB, 2)}
              {state.learnBias ? ' (its current value; the map follows b as it learns)' : ' (b is not learned)'}. The bluer, the lower
              {minimum && readout.problem === null
                ? // the coordinates are not broken across lines
                  `; ${lowestOnMapText(minimum)}`.split(/(\(.*\))/).map((part, k) => (k % 2 === 1 ? <span key={k} className="nowrap">{part}</span> : part))
                : ''}
              .
              {startFixed ? '' : ' Press the map to start there.'}
            </figcaption>
          </figure>
        </div>

        <p className="lab-status" data-testid="lab-status" aria-live="polite">
          Step {readout.steps}
          {readout.problem === null ? (
            <>
              : cost <span data-testid="lab-cost" data-value={readout.cost} data-term={term.logisticCost()}>{formatNumber(readout.cost, 4)}</span>, accuracy{' '}
              <span data-testid="lab-accuracy">{percent(readout.accuracy)}</span>, w ={' '}
              <span data-testid="lab-weights" data-value={readout.w.join(',')} data-term={term.logisticWeights()}>
                ({formatNumber(w1, 3)}, {formatNumber(w2, 3)}, {formatNumber(b, 3)})
              </span>
              , ‖∇L‖ = <span data-term={term.logisticGradient()}>{formatNumber(readout.gradNorm, 4)}</span>.
              {readout.lastRose ? ' The last step raised the cost.' : ''}
              {readout.rises > 0 ? ` Steps that raised it so far: ${readout.rises}.` : ''}
            </>
          ) : (
            '.'
          )}
        </p>
        <div className="button-row">
          <button type="button" onClick={() => step(1)} disabled={!canTrain || playing}>
            Step
          </button>
          <button
            type="button"
            onClick={() => {
              // Play starts with the map at the current b, not where the last run left the played slice
              if (!playing) {
                lastMap.current = performance.now();
                setPlayedB(b);
              }
              setPlaying(!playing);
            }}
            disabled={!canTrain && !playing}
          >
            {playing ? 'Pause' : 'Play'}
          </button>
          <button
            type="button"
            onClick={() => {
              setPlaying(false);
              dispatch({ type: 'reset' });
            }}
          >
            Reset
          </button>
        </div>

        {readout.problem === null && (
          <>
            <LiveFormula label={`Live formulas: ${logisticText(forms)}`} lines={[tex.weights, tex.boundary, tex.zeroOne, tex.plusMinus, tex.gradient]} />
            <LogisticChecks forms={forms} points={state.points} learnBias={state.learnBias} />
          </>
        )}

        <TrainingControls
          rate={state.rate}
          start={state.start}
          learnBias={state.learnBias}
          curvature={curvature}
          dispatch={dispatch}
          onDefaults={() => {
            setPlaying(false);
            dispatch({ type: 'defaults' });
          }}
        />
        <PointControls
          newClass={newClass}
          onClass={(cls) => updateLink({ cls })}
          onAdd={() => {
            dispatch({ type: 'add', x1: 0, x2: 0, t: newClass });
            setFocusId(state.nextId);
          }}
          dispatch={dispatch}
          added={added ? pointName(added) : null}
          readOnly={pointsFixed}
        />
      </section>
    );
  }, [b, canTrain, curvature, focusId, forms, grid, mapB, minimum, newClass, playing, pointsFixed, readout, sliceCost, startFixed, state, step, updateLink, w1, w2]);
}
