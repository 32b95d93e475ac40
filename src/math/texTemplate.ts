/**
 * Formula templates: typesetting a live formula once per *shape*, not once per slider step.
 *
 * Between two slider steps a formula's LaTeX usually differs only in its numbers, and KaTeX's HTML
 * then differs only in the text of those numbers: every tag and attribute (struts and heights
 * included) stays the same, since KaTeX gives all digits the same metrics. A template records, for one
 * LaTeX shape (numbers masked), the markup and where each number lands in the text, so the next
 * formula of that shape is filled in without KaTeX and patched into the page without a re-parse.
 *
 * Nothing here is assumed: a template is learned by typesetting the formula twice (its own numbers,
 * then distinct probe numbers) and is kept only if the markup of both agrees and filling the template
 * reproduces KaTeX's own text exactly. Pure: no DOM, so the build can learn templates too.
 */

/** HTML with its text runs masked, and those runs decoded, in document order. */
export interface TypesetFormula {
  markup: string;
  texts: string[];
}

export interface TexTemplate {
  markup: string;
  /** per text run: literal text, or the index of the formula's number that stands there */
  runs: (string | number)[][];
}

const TEXT = />([^<]+)</g;
const MARK = '\u0000';
const ENTITIES: Record<string, string> = {
  '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&nbsp;': '\u00a0',
};

function decode(text: string): string {
  return text.includes('&') ? text.replace(/&(?:amp|lt|gt|quot|#x27|#39|nbsp);/g, (e) => ENTITIES[e] ?? e) : text;
}

function encode(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function parseTypeset(html: string): TypesetFormula {
  const texts: string[] = [];
  const markup = html.replace(TEXT, (_, text: string) => {
    texts.push(decode(text));
    return `>${MARK}<`;
  });
  return { markup, texts };
}

export function toHtml({ markup, texts }: TypesetFormula): string {
  let i = 0;
  return markup.replace(new RegExp(MARK, 'g'), () => encode(texts[i++] ?? ''));
}

/**
 * Numbers in LaTeX, in order, and the LaTeX with each replaced by `#`. Left alone, as part of the
 * shape: the first argument of `\term` / `\htmlData` (a term id such as z-1), which is markup; and a
 * digit right after `_` or `^` without braces (`\log_2`, `)_1`), which LaTeX reads as one digit, so
 * no other number could stand there (a probe such as 3.5 would become `_3` followed by `.5`).
 */
const TOKEN = /\\(?:term|htmlData)\{[^}]*\}|[_^]\d|\d+(?:\.\d+)?/g;

export function splitNumbers(tex: string): { shape: string; numbers: string[] } {
  const numbers: string[] = [];
  const shape = tex.replace(TOKEN, (m) => {
    if (m.startsWith('\\') || m.startsWith('_') || m.startsWith('^')) return m;
    numbers.push(m);
    return '#';
  });
  return { shape, numbers };
}

function withNumbers(shape: string, numbers: readonly string[]): string {
  let i = 0;
  return shape.replace(/#/g, () => numbers[i++] ?? '');
}

export function fillTemplate(template: TexTemplate, numbers: readonly string[]): TypesetFormula {
  const texts = template.runs.map((run) => run.map((piece) => (typeof piece === 'number' ? numbers[piece] : piece)).join(''));
  return { markup: template.markup, texts };
}

/**
 * Learn the template of `tex`'s shape with `render` (KaTeX), or null if the shape does not allow one.
 * `real` is `tex` already typeset, when the caller has it: one render fewer.
 */
export function learnTemplate(
  tex: string,
  render: (tex: string) => string,
  real: TypesetFormula = parseTypeset(render(tex)),
): TexTemplate | null {
  const { shape, numbers } = splitNumbers(tex);
  if (numbers.length === 0) return null;
  // Probe numbers: distinct, so each one's place in the output can be found without doubt.
  const probes = numbers.map((_, i) => `${i + 1}.5`);
  const probeIndex = new Map(probes.map((p, i) => [p, i]));
  const probed = parseTypeset(render(withNumbers(shape, probes)));
  if (probed.markup !== real.markup || probed.texts.length !== real.texts.length) return null;

  const seen = new Set<number>();
  const runs: (string | number)[][] = [];
  for (const text of probed.texts) {
    const run: (string | number)[] = [];
    let at = 0;
    for (const m of text.matchAll(/\d+(?:\.\d+)?/g)) {
      const index = probeIndex.get(m[0]);
      // Not a probe: a digit of the shape itself (the 2 of \log_2), kept as literal text. Every
      // probe ends in .5, so no number of the formula can hide here; the final check below
      // confirms it.
      if (index === undefined) continue;
      if (seen.has(index)) return null;
      seen.add(index);
      if (m.index > at) run.push(text.slice(at, m.index));
      run.push(index);
      at = m.index + m[0].length;
    }
    if (at < text.length) run.push(text.slice(at));
    runs.push(run);
  }
  if (seen.size !== numbers.length) return null;

  const template = { markup: real.markup, runs };
  const filled = fillTemplate(template, numbers).texts;
  return filled.every((t, i) => t === real.texts[i]) ? template : null;
}
