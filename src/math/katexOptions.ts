import type { KatexOptions } from 'katex';

/**
 * The one place KaTeX is configured, for live formulas (`<Tex>`) and for the static math that
 * rehype-katex renders at build time, so both read the same macros and obey the same limits.
 *
 * - `\term{id}{body}` marks a term that a plot also shows; it becomes `\htmlData{term=id}{body}`,
 *   i.e. a `data-term="id"` attribute that the formula ↔ plot linking keys on.
 * - `trust` admits `\htmlData` and nothing else (no `\href`, `\url`, `\includegraphics`, …).
 * - `maxSize` and `maxExpand` are finite, so no input can ask for a giant box or an endless macro.
 * - A fresh `macros` object every call: KaTeX writes `\gdef`s into it, and a shared one would let
 *   one formula change how the next one renders.
 */
export function katexOptions(displayMode = false): KatexOptions {
  return {
    displayMode,
    throwOnError: false,
    output: 'htmlAndMathml',
    strict: 'ignore',
    maxSize: 20,
    maxExpand: 200,
    trust: (context) => context.command === '\\htmlData',
    macros: {
      '\\term': '\\htmlData{term=#1}{#2}',
      '\\softmax': '\\operatorname{softmax}',
    },
  };
}

/**
 * Live formulas (`<Tex>`) are typeset as HTML only. Their numbers move at every slider step, and
 * KaTeX's MathML copy, invisible but laid out all the same, would double that work; instead each live
 * formula carries a text alternative in words that states its current numbers (Tex's `label`).
 * Static math keeps KaTeX's MathML for screen readers.
 */
export function liveKatexOptions(displayMode = false): KatexOptions {
  return { ...katexOptions(displayMode), output: 'html' };
}
