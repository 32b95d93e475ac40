import type { ReactNode } from 'react';
import { WidgetBoundary } from '../../chapters/WidgetBoundary';
import { useMeasuredWidth } from '../../plots/useMeasuredWidth';

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

/** The arrow between an opener's two plots takes this much of the row, in CSS pixels. */
const ARROW = 28;

/**
 * Two plots side by side with an arrow between them (input → output), each drawn in a viewBox of
 * its real width so its labels keep their size on a phone. The plots are render functions given
 * the width and height to draw at.
 */
export function OpenerPair({
  left,
  right,
}: {
  left: (width: number, height: number) => ReactNode;
  right: (width: number, height: number) => ReactNode;
}) {
  const [ref, width] = useMeasuredWidth<HTMLDivElement>(640, 260, 1000);
  const each = Math.floor((width - ARROW) / 2);
  const height = each < 220 ? 160 : 200;
  return (
    <div className="opener-pair" ref={ref}>
      <div>{left(each, height)}</div>
      <span className="opener-arrow" aria-hidden="true">
        →
      </span>
      <div>{right(each, height)}</div>
    </div>
  );
}
