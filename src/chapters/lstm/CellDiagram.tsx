import { memo } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { CELL_DIGITS } from './lstmFormula';
import type { CellView, Gate } from './lstmMath';

const v = (x: number | undefined) => formatNumber(x ?? NaN, CELL_DIGITS);

/** Where each gate's box sits (its centre), and what it computes. */
const BOX: Readonly<Record<Gate, { x: number; label: string }>> = {
  f: { x: 90, label: 'σ' },
  i: { x: 160, label: 'σ' },
  g: { x: 230, label: 'tanh' },
  o: { x: 300, label: 'σ' },
};
const BOX_Y = 168;
const BOX_W = 50;
const BOX_H = 30;
const C_Y = 44;
const BUS_Y = 226;

function GateBox({ gate, value }: { gate: Gate; value: number | undefined }) {
  const { x, label } = BOX[gate];
  return (
    <g className={`gate-box gate-${gate}`} data-term={term.lstmGate(gate)}>
      <line className="wire" x1={x} x2={x} y1={BOX_Y + BOX_H / 2} y2={BUS_Y} />
      <rect x={x - BOX_W / 2} y={BOX_Y - BOX_H / 2} width={BOX_W} height={BOX_H} rx={6} />
      <text x={x} y={BOX_Y} dy="0.35em" textAnchor="middle" className="box-label">
        {label}
      </text>
      <text x={x + 4} y={BOX_Y + BOX_H / 2 + 14} className="wire-value" textAnchor="start">
        {gate} = {v(value)}
      </text>
    </g>
  );
}

function Node({ x, y, sign }: { x: number; y: number; sign: '⊙' | '+' }) {
  return (
    <g className="op-node">
      <circle cx={x} cy={y} r={11} />
      <text x={x} y={y} dy="0.35em" textAnchor="middle">
        {sign}
      </text>
    </g>
  );
}

/**
 * One LSTM cell (hidden size 1) as a schematic: the cell state's line along the top, where f scales
 * c (⊙) and i ⊙ g is added (+); the four gates below, fed by the inputs' line (a = W·[x, h] + b, here
 * the learner's sliders); tanh(c′) scaled by o gives h′. Every wire carries its current number. The
 * text alternative says the same numbers.
 */
export const CellDiagram = memo(function CellDiagram({ view, c }: { view: CellView; c: number }) {
  const label =
    `LSTM cell. Previous cell state c = ${v(c)}. Gates: input i = ${v(view.i[0])}, forget f = ${v(view.f[0])}, ` +
    `candidate g = ${v(view.g[0])}, output o = ${v(view.o[0])}. Kept f·c = ${v(view.kept)}, written i·g = ${v(view.written)}, ` +
    `new cell state c′ = ${v(view.c[0])}, tanh(c′) = ${v(view.squashed)}, new hidden state h′ = o·tanh(c′) = ${v(view.h[0])}.`;
  const igY = 112;
  return (
    <svg className="cell-diagram" viewBox="0 0 400 250" role="img" aria-label={label}>
      <rect className="cell-body" x={40} y={20} width={330} height={188} rx={12} />
      {/* the cell state's line: c → ⊙ f → + i·g → c′ */}
      <line className="wire cell-wire" x1={6} x2={394} y1={C_Y} y2={C_Y} />
      {/* the labels of c and c′ sit above the cell's body, clear of its border */}
      <text className="state-label" x={8} y={14} data-term={term.lstmCellPrev()}>
        c = {v(c)}
      </text>
      <text className="state-label" x={392} y={14} textAnchor="end" data-term={term.lstmCellNext()}>
        c′ = {v(view.c[0])}
      </text>
      <text className="wire-value" x={BOX.f.x + 16} y={C_Y + 18}>
        f·c = {v(view.kept)}
      </text>
      {/* f up to the ⊙ on the cell line */}
      <line className="wire" x1={BOX.f.x} x2={BOX.f.x} y1={BOX_Y - BOX_H / 2} y2={C_Y} />
      <Node x={BOX.f.x} y={C_Y} sign="⊙" />
      {/* i and g meet at a ⊙, whose product goes up to the + */}
      <polyline className="wire" points={`${BOX.i.x},${BOX_Y - BOX_H / 2} ${BOX.i.x},${igY} 195,${igY}`} />
      <polyline className="wire" points={`${BOX.g.x},${BOX_Y - BOX_H / 2} ${BOX.g.x},${igY} 195,${igY}`} />
      <line className="wire" x1={195} x2={195} y1={igY} y2={C_Y} />
      <Node x={195} y={igY} sign="⊙" />
      <text className="wire-value" x={201} y={igY - 22}>
        i·g = {v(view.written)}
      </text>
      <Node x={195} y={C_Y} sign="+" />
      {/* c′ down through tanh, scaled by o: h′ */}
      <line className="wire" x1={345} x2={345} y1={C_Y} y2={BOX_Y} />
      <rect className="tanh-box" x={325} y={82} width={40} height={24} rx={6} />
      <text x={345} y={94} dy="0.35em" textAnchor="middle" className="box-label">
        tanh
      </text>
      <text className="wire-value" x={341} y={124} textAnchor="end">
        {v(view.squashed)}
      </text>
      <line className="wire" x1={BOX.o.x + BOX_W / 2} x2={345} y1={BOX_Y} y2={BOX_Y} />
      <Node x={345} y={BOX_Y} sign="⊙" />
      <line className="wire" x1={356} x2={394} y1={BOX_Y} y2={BOX_Y} />
      <text className="state-label" x={394} y={BOX_Y + 46} textAnchor="end" data-term={term.lstmHiddenNext()}>
        h′ = {v(view.h[0])}
      </text>
      {(['f', 'i', 'g', 'o'] as const).map((gate) => (
        <GateBox key={gate} gate={gate} value={view[gate][0]} />
      ))}
      {/* the inputs' line: every gate's pre-activation comes from x and h */}
      <line className="wire" x1={BOX.f.x} x2={BOX.o.x} y1={BUS_Y} y2={BUS_Y} />
      <text className="bus-label" x={BOX.f.x - 6} y={BUS_Y} dy="0.35em" textAnchor="end">
        x, h
      </text>
    </svg>
  );
});
