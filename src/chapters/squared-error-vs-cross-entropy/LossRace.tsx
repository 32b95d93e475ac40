import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useWidgetState } from '../../state/useWidgetState';
import { formatNumber } from '../../format/formatNumber';
import { TrainingCurves } from '../../plots/TrainingCurves';
import { LecturerControl } from '../../controls/LecturerControl';
import { advanceRace, makeRaceData, RACE_STARTS, startRace, type RaceData, type RaceRun, type RaceStart, type RaceState } from './lossRaceMath';
import { LOSS_RACE_STATE, RACE_CAP, RATE_LIMITS } from './squaredErrorState';

/**
 * The race's data set: 40 points from this seed. The clouds they are drawn from overlap, but these 40
 * happen to be linearly separable (w = (10.46, 29.19, −18.23) puts every point on its side with
 * |z| ≥ 3.9), so cross-entropy at η = 2 or 4 reaches 100% within the race.
 */
export const RACE_SEED = 2024;
export const RACE_POINTS = 40;
/** Steps per animation frame while playing: the race lasts about 2.5 s at 60 frames a second. */
const STEPS_PER_FRAME = 2;

const START_NAMES: Record<RaceStart, string> = {
  'confidently-wrong': 'confidently wrong, w = (−4, −4, 0)',
  neutral: 'neutral, w = (0, 0, 0)',
};

const niceCeiling = (v: number) => (v <= 1 ? 1 : v <= 2 ? 2 : v <= 5 ? 5 : 10 * Math.ceil(v / 10));

/** (w₁, w₂, b) in parentheses, as chapter 6 writes a weight vector */
const weightsText = (w: ArrayLike<number>) => `(${Array.from(w, (v) => formatNumber(v, 3)).join(', ')})`;
/** Four decimals: squared error's loss can move in the fourth while it sits on a plateau. */
const LOSS_DIGITS = 4;

/** A race run from `start` to step n: what it already holds is kept, only the missing steps are taken. */
interface RaceTrack {
  start: RaceStart;
  race: RaceState;
}

/**
 * The race at step n from `start`: the track as it is, moved on at `rate` when n is ahead of it, or
 * replayed from the start when n is behind it or the start changed (a reset, or an address that
 * names an earlier step). Moving on rather than replaying keeps what a learner saw when they changed
 * the rate part-way through: the steps before the change were taken at the old rate.
 */
function raceAt(track: RaceTrack | null, data: RaceData, start: RaceStart, rate: number, n: number): RaceTrack {
  const from = track && track.start === start && track.race.step <= n ? track.race : startRace(data, RACE_STARTS[start]);
  const race = advanceRace(from, data, rate, n - from.step, RACE_CAP);
  return track && race === track.race ? track : { start, race };
}

/**
 * The training race: one logistic-regression model, two copies from the same starting weights, one
 * trained on squared error and one on cross-entropy, by full-batch gradient descent at the same
 * learning rate. Nothing moves until the learner presses Play or Step (no autoplay, whatever the
 * motion setting). Its inputs are this widget's own state, in the address: the start, the rate and
 * the number of steps taken, from which the race is replayed (paused) when a link opens it.
 */
export function LossRace() {
  const data = useMemo(() => makeRaceData(RACE_SEED, RACE_POINTS), []);
  const [{ start, rate, n }, update, mode] = useWidgetState(LOSS_RACE_STATE);
  const [track, setTrack] = useState(() => raceAt(null, data, start, rate, n));
  const [playing, setPlaying] = useState(false);
  const startName = useId();

  // The steps follow n (a button, Play, or the address): bring the race to it during this render.
  const current = raceAt(track, data, start, rate, n);
  if (current !== track) setTrack(current);
  const race = current.race;

  const finished = race.step >= RACE_CAP;
  const step = useCallback((k: number) => update((s) => ({ n: Math.min(RACE_CAP, s.n + k) })), [update]);
  const reset = () => {
    setPlaying(false);
    update({ n: 0 });
  };

  // Play: a few steps per animation frame until the cap, then stop by itself.
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const tick = () => {
      step(STEPS_PER_FRAME);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, step]);
  if (playing && finished) setPlaying(false);

  const se = race.squaredError;
  const ce = race.crossEntropy;
  const now = (run: RaceRun) => ({
    loss: run.losses[run.losses.length - 1] ?? NaN,
    accuracy: run.accuracies[run.accuracies.length - 1] ?? NaN,
  });
  const seNow = now(se);
  const ceNow = now(ce);
  const ceTop = niceCeiling(Math.max(...ce.losses.filter(Number.isFinite), 0.5));
  const accuracyText = (a: number) => `${formatNumber(100 * a, 0)}%`;

  return (
    <section className="widget se-ce-widget loss-race" aria-label="Training race">
      <p className="race-status" data-testid="race-step">
        Step {race.step} of {RACE_CAP}
        {finished ? ': the race is over. Reset to run it again.' : '.'}
      </p>
      <LecturerControl ids={['n']}>
        <div className="button-row">
          <button type="button" onClick={() => setPlaying((p) => !p)} disabled={finished}>
            {playing ? 'Pause' : 'Play'}
          </button>
          <button type="button" onClick={() => step(1)} disabled={finished || playing}>
            Step
          </button>
          <button type="button" onClick={reset}>
            Reset
          </button>
        </div>
      </LecturerControl>
      <div className="race-plots">
        <figure>
          <TrainingCurves
            label={`Squared-error loss of the model trained on it, steps 0 to ${race.step}: from ${formatNumber(se.losses[0] ?? NaN, 3)} to ${formatNumber(seNow.loss, 3)}.`}
            series={[{ kind: 'squared-error', values: se.losses }]}
            cap={RACE_CAP}
            yDomain={[0, 0.5]}
            yTicks={[0, 0.25, 0.5]}
            yDigits={2}
          />
          <figcaption>Squared-error model: its loss, mean ½(ŷ − t)².</figcaption>
        </figure>
        <figure>
          <TrainingCurves
            label={`Cross-entropy loss of the model trained on it, steps 0 to ${race.step}: from ${formatNumber(ce.losses[0] ?? NaN, 3)} to ${formatNumber(ceNow.loss, 3)}.`}
            series={[{ kind: 'cross-entropy', values: ce.losses }]}
            cap={RACE_CAP}
            yDomain={[0, ceTop]}
            yTicks={[0, ceTop / 2, ceTop]}
            yDigits={ceTop < 2 ? 1 : 0}
          />
          <figcaption>Cross-entropy model: its loss, mean cross-entropy.</figcaption>
        </figure>
        <figure className="race-accuracy">
          <TrainingCurves
            label={`Accuracy of both models, steps 0 to ${race.step}: squared error ${accuracyText(seNow.accuracy)}, cross-entropy ${accuracyText(ceNow.accuracy)}.`}
            series={[
              { kind: 'squared-error', values: se.accuracies },
              { kind: 'cross-entropy', values: ce.accuracies },
            ]}
            cap={RACE_CAP}
            yDomain={[0, 1]}
            yTicks={[0, 0.5, 1]}
            yDigits={1}
            tickText={accuracyText}
            width={720}
            height={190}
          />
          <figcaption>
            Accuracy on the {RACE_POINTS} points: <span className="legend-item legend-squared-error">squared error</span>{' '}
            <span className="legend-item legend-cross-entropy">cross-entropy</span>
          </figcaption>
        </figure>
      </div>

      <div className="race-table-scroll" role="region" aria-label="The two models at this step, scrollable" tabIndex={0}>
        <table className="race-table">
          <caption>The two models at this step</caption>
          <thead>
            <tr>
              <td />
              {/* the swatch is on a span: a th that is itself a flex box (.legend-item) leaves the table's grid */}
              <th scope="col">
                <span className="legend-item legend-squared-error">squared error</span>
              </th>
              <th scope="col">
                <span className="legend-item legend-cross-entropy">cross-entropy</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">its loss</th>
              <td data-testid="race-loss-se" data-value={seNow.loss}>
                {formatNumber(seNow.loss, LOSS_DIGITS)}
              </td>
              <td data-testid="race-loss-ce" data-value={ceNow.loss}>
                {formatNumber(ceNow.loss, LOSS_DIGITS)}
              </td>
            </tr>
            <tr>
              <th scope="row">accuracy</th>
              <td data-testid="race-accuracy-se" data-value={seNow.accuracy}>
                {accuracyText(seNow.accuracy)}
              </td>
              <td data-testid="race-accuracy-ce" data-value={ceNow.accuracy}>
                {accuracyText(ceNow.accuracy)}
              </td>
            </tr>
            <tr>
              <th scope="row">weights (w₁, w₂, b)</th>
              <td data-testid="race-weights-se" data-value={Array.from(se.w).join(',')}>
                {weightsText(se.w)}
              </td>
              <td data-testid="race-weights-ce" data-value={Array.from(ce.w).join(',')}>
                {weightsText(ce.w)}
              </td>
            </tr>
            <tr>
              <th scope="row">length of the last step ‖Δw‖</th>
              <td data-testid="race-step-size-se">{Number.isFinite(se.lastStep) ? formatNumber(se.lastStep, 4) : '–'}</td>
              <td data-testid="race-step-size-ce">{Number.isFinite(ce.lastStep) ? formatNumber(ce.lastStep, 4) : '–'}</td>
            </tr>
          </tbody>
        </table>
      </div>

      {/* a lecturer who hid both controls leaves no empty box behind */}
      {(mode('rate') !== 'hidden' || mode('start') !== 'hidden') && (
        <fieldset className="controls">
          <legend>Learning rate and start</legend>
          {/* not the shared RangeSlider: the learning rate is no term of any formula, so it carries no term id */}
          <LecturerControl ids={['rate']}>
            <label className="slider-row">
              <span className="slider-name" aria-hidden="true">
                η
              </span>
              <input
                type="range"
                min={RATE_LIMITS.min}
                max={RATE_LIMITS.max}
                step={RATE_LIMITS.step}
                value={rate}
                aria-label="learning rate η"
                aria-valuetext={formatNumber(rate, 1)}
                onChange={(e) => {
                  const v = e.currentTarget.valueAsNumber;
                  if (Number.isFinite(v)) update({ rate: Math.min(RATE_LIMITS.max, Math.max(RATE_LIMITS.min, v)) });
                }}
              />
              <output aria-hidden="true">{formatNumber(rate, 1)}</output>
            </label>
          </LecturerControl>
          <LecturerControl ids={['start']}>
            <div className="choice-row" role="radiogroup" aria-labelledby={startName}>
              <span id={startName}>Starting weights (both models):</span>
              {(Object.keys(RACE_STARTS) as RaceStart[]).map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name={`${startName}-start`}
                    checked={start === value}
                    onChange={() => {
                      setPlaying(false);
                      update({ start: value, n: 0 });
                    }}
                  />
                  {START_NAMES[value]}
                </label>
              ))}
            </div>
          </LecturerControl>
        </fieldset>
      )}
    </section>
  );
}
