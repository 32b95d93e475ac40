import { useMemo, useState } from 'react';
import { accuracy, logisticLoss } from '../../core/logisticRegression';
import { formatNumber } from '../../format/formatNumber';
import { useMeasuredWidth } from '../../plots/useMeasuredWidth';
import { BoundaryHandles } from './BoundaryHandles';
import { weightsOfPose, type BoundaryPose } from './boundaryPose';
import { trainingData, POINT_LIMIT, presetPoints } from './logisticDescent';
import { PointScatter } from './PointScatter';
import { Opener } from '../Opener';
import './logistic-opener.css';

/** The lab's own starting points, so the opener's line is fitted to what the chapter then trains on. */
const POINTS = presetPoints('overlapping');
const DATA = trainingData(POINTS);
const ONES = POINTS.filter((p) => p.t === 1).length;
/** The lab's start, (w₁, w₂) = (−4, 3), scaled to length 2, through the origin: pointing the wrong way, so there is something to fix. */
export const OPENER_START: BoundaryPose = { w: [-1.6, 1.2], anchor: [0, 0] };
const noEdit = () => {};

const n2 = (v: number) => formatNumber(v, 2);

/**
 * Chapter 6 opens with the model itself: the chapter's points, the line w₁x₁ + w₂x₂ + b = 0 and the
 * arrow (w₁, w₂), both to drag, with the cost and accuracy of where the learner put them. Its pose is its
 * own (the lab below keeps its state in its own address, and trains its own weights). The arrow is
 * called (w₁, w₂), never w: the chapter's 𝐰 is all three weights (w₁, w₂, b), as the lab below writes it.
 */
export function LogisticOpener() {
  const [pose, setPose] = useState<BoundaryPose>(OPENER_START);
  const [box, width] = useMeasuredWidth<HTMLDivElement>(640, 240, 1000);
  // a square that leaves the caption on a phone's first screen
  const size = width < 400 ? 200 : 240;
  const w = useMemo(() => weightsOfPose(pose), [pose]);
  const [w1, w2, b] = w;
  const cost = useMemo(() => logisticLoss(w, DATA.X, DATA.t, 'cross-entropy'), [w]);
  const share = useMemo(() => accuracy(w, DATA.X, DATA.t), [w]);
  const percent = `${formatNumber(100 * share, 0)}%`;
  const label =
    `${POINTS.length} points, ${ONES} of class 1 (circles) and ${POINTS.length - ONES} of class 0 (squares), in x₁ and x₂ from −${POINT_LIMIT} to ${POINT_LIMIT}. ` +
    `Decision boundary ${n2(w1)} x₁ + ${n2(w2)} x₂ + ${n2(b)} = 0; class 1 is predicted on the side (w₁, w₂) points to. ` +
    `Cost ${formatNumber(cost, 3)}, accuracy ${percent}.`;

  return (
    <Opener
      name="Logistic regression at a glance"
      caption={
        <>
          Drag the line, or the tip of the arrow (w₁, w₂); keys work too. Class 1 is predicted on the side the arrow
          points to: watch L and the accuracy.
        </>
      }
    >
      <div ref={box} className="logistic-widget logistic-opener">
        <div className="logistic-opener-plot" style={{ width: size }}>
          <PointScatter
            label={label}
            points={POINTS}
            w={w}
            limit={POINT_LIMIT}
            staticPoints
            size={size}
            onAdd={noEdit}
            onMove={noEdit}
            onRemove={noEdit}
            overlay={(scale) => <BoundaryHandles pose={pose} limit={POINT_LIMIT} scale={scale} onChange={setPose} />}
          />
        </div>
        <p className="opener-readout" data-testid="logistic-opener-readout">
          {/* two pieces that wrap as wholes on a phone */}
          <span className="nowrap">
            cost L = {formatNumber(cost, 3)} · accuracy {percent} ·
          </span>{' '}
          <span className="nowrap">
            (w₁, w₂) = ({n2(w1)}, {n2(w2)}), b = {n2(b)}
          </span>
        </p>
      </div>
    </Opener>
  );
}
