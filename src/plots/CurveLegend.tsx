export interface LegendItem {
  colour: string;
  text: string;
  /** drawn dashed, as the plot draws the curve of the label not chosen */
  dashed?: boolean;
}

/** What each curve of a plot is, in words beside a swatch of its line. */
export function CurveLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <span className="curve-legend">
      {items.map((item) => (
        <span key={item.text} className="legend-item">
          <svg className="legend-swatch" viewBox="0 0 24 8" aria-hidden="true">
            <line x1="1" x2="23" y1="4" y2="4" style={{ stroke: item.colour }} strokeDasharray={item.dashed ? '4 3' : undefined} />
          </svg>
          {item.text}
        </span>
      ))}
    </span>
  );
}
