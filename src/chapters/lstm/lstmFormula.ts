import { formatNumber, superscript, texNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { cellView, type CellInputs, type CellView } from './lstmMath';
import { CELL_STATE } from './lstmState';

/** Digits of the cell's values (gates, states): three decimals, as the other chapters write probabilities. */
export const CELL_DIGITS = 3;

/**
 * A gradient's size to three significant figures: 0.0109, 4.13 × 10⁻¹³. Fixed notation from 10⁻³ up,
 * scientific below (a gradient of 10⁻¹³ written 0.000 would say it is zero).
 */
export function gradientText(x: number): string {
  if (!Number.isFinite(x)) return formatNumber(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e4) return x.toPrecision(3).replace('-', '−');
  const [mantissa, exponent] = x.toExponential(2).split('e') as [string, string];
  return `${mantissa.replace('-', '−')} × 10${superscript(Number(exponent))}`;
}

/** A ratio of two gradients as a power of ten, "10⁷", or a plain number below 1000. */
export function ratioText(ratio: number): string {
  if (!Number.isFinite(ratio) || ratio <= 0) return formatNumber(ratio);
  if (ratio < 1000) return ratio.toPrecision(3);
  return `about 10${superscript(Math.round(Math.log10(ratio)))}`;
}

const n = (x: number) => texNumber(x, CELL_DIGITS);
const t = (id: string, tex: string) => `\\term{${id}}{${tex}}`;

/**
 * The cell's two update lines with the current numbers: c′ = f·c + i·g and h′ = o·tanh(c′), each as
 * two pieces (symbols, then numbers) so that a phone breaks between them. Every gate and state carries
 * its term id, shared with the diagram.
 */
export function cellTex(inputs: CellInputs, view: CellView): string[][] {
  const f = t(term.lstmGate('f'), 'f');
  const i = t(term.lstmGate('i'), 'i');
  const g = t(term.lstmGate('g'), 'g');
  const o = t(term.lstmGate('o'), 'o');
  const c = t(term.lstmCellPrev(), 'c');
  const cNext = t(term.lstmCellNext(), "c'");
  return [
    [
      `\\displaystyle ${cNext} = ${f}\\,${c} + ${i}\\,${g}`,
      // each product in braces: KaTeX may break a line after + or =, never inside a product
      `\\displaystyle {} = {${t(term.lstmGate('f'), n(view.f[0] ?? NaN))} \\cdot ${t(term.lstmCellPrev(), n(inputs.c))}} + {${t(term.lstmGate('i'), n(view.i[0] ?? NaN))} \\cdot ${t(term.lstmGate('g'), n(view.g[0] ?? NaN))}} = ${t(term.lstmCellNext(), n(view.c[0] ?? NaN))}`,
    ],
    [
      `\\displaystyle ${t(term.lstmHiddenNext(), "h'")} = ${o}\\,\\tanh(${cNext})`,
      `\\displaystyle {} = {${t(term.lstmGate('o'), n(view.o[0] ?? NaN))} \\cdot ${n(view.squashed)}} = ${t(term.lstmHiddenNext(), n(view.h[0] ?? NaN))}`,
    ],
  ];
}

/** The same lines in words: the formula's text alternative. */
export function cellText(inputs: CellInputs, view: CellView): string {
  const v = (x: number | undefined) => formatNumber(x ?? NaN, CELL_DIGITS);
  return (
    `c′ = f × c + i × g = ${v(view.f[0])} × ${v(inputs.c)} + ${v(view.i[0])} × ${v(view.g[0])} = ${v(view.c[0])}; ` +
    `h′ = o × tanh(c′) = ${v(view.o[0])} × ${v(view.squashed)} = ${v(view.h[0])}`
  );
}

/** The explorer's inputs as the state's defaults. */
export function startCellInputs(): CellInputs {
  return {
    a: { i: CELL_STATE.ai.default, f: CELL_STATE.af.default, g: CELL_STATE.ag.default, o: CELL_STATE.ao.default },
    c: CELL_STATE.c.default,
  };
}

/** The chapter's starting formulas, typeset at build time (src/build/prerenderedFormulas.ts). */
export function lstmStartFormulas(): { tex: string; display: boolean }[] {
  const inputs = startCellInputs();
  return cellTex(inputs, cellView(inputs)).flatMap((pieces) => pieces.map((tex) => ({ tex, display: false })));
}
