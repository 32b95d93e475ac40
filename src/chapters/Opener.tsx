import type { ReactNode } from 'react';
import { WidgetBoundary } from '../tools/WidgetBoundary';
import { useMeasuredWidth } from '../plots/useMeasuredWidth';

interface OpenerProps {
  /** what the figure is, for its accessible name and the error message: "the softmax at a glance" */
  name: string;
  /** one line telling the learner what to do, and what follows */
  caption: ReactNode;
  children: ReactNode;
}

/**
 * A chapter's first screen: a compact live figure, before any prose, so the learner touches the
 * subject at once (issue 11: the first control used to be 1.2 to 5 screens down). It is not an
 * embeddable widget (no toolbar, no address state of its own): it shares the inputs of the widgets
 * below it, or keeps a little local state, and the explorer further on does the rest.
 */
export function Opener({ name, caption, children }: OpenerProps) {
  return (
    <WidgetBoundary name={name}>
      <figure className="opener" aria-label={name}>
        <div className="opener-figure">{children}</div>
        <figcaption className="opener-caption">{caption}</figcaption>
      </figure>
    </WidgetBoundary>
  );
}

/**
 * Two plots side by side with an arrow between them (input → output), each drawn in a viewBox of
 * its real width so its labels keep their size on a phone. The plots are render functions given
 * the width and height to draw at. `rightFits` gives the right-hand side its own natural width (a
 * table of numbers) and the left the rest, instead of half each.
 */
/** Narrower than this (CSS px), an opener's two plots stack. */
const STACK_BELOW = 480;

export function OpenerPair({
  left,
  right,
  rightFits = false,
}: {
  left: (width: number, height: number) => ReactNode;
  right: (width: number, height: number) => ReactNode;
  rightFits?: boolean;
}) {
  const [pairRef, pairWidth] = useMeasuredWidth<HTMLDivElement>(640, 200, 2000);
  const [leftRef, leftWidth] = useMeasuredWidth<HTMLDivElement>(300, 100, 600);
  const [rightRef, rightWidth] = useMeasuredWidth<HTMLDivElement>(300, 100, 600);
  // Side by side, a phone's half is ~140 px: three bars would be ~30 px wide, under a finger's 44 px.
  // So a narrow pair stacks, each plot full width and low, one above the other.
  const stacked = pairWidth < STACK_BELOW;
  const height = stacked ? 130 : leftWidth < 220 ? 160 : 200;
  const classes = ['opener-pair', rightFits ? 'opener-pair-fit' : '', stacked ? 'opener-pair-stacked' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} ref={pairRef}>
      <div ref={leftRef}>{left(leftWidth, height)}</div>
      <span className="opener-arrow" aria-hidden="true">
        {stacked ? '↓' : '→'}
      </span>
      <div ref={rightRef}>{right(rightWidth, height)}</div>
    </div>
  );
}
