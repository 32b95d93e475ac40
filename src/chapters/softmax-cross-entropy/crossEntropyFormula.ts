import { DIGITS, formatNumber, numberParts, texNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { workedExample } from '../../url/labInputs';
import { crossEntropyGradient, gradientStep, LEARNING_RATE, type CrossEntropyGradient } from './crossEntropyGradientMath';

/**
 * The chain rule for ∂L/∂z, one line per step, as LaTeX pieces (each small enough for a phone; the
 * pieces after the first start with `{} =` so the relation keeps its spacing) and as words, the text
 * alternative. Built only from formatted numbers and fixed templates; every number carries the term
 * id its plot uses.
 */

export interface DerivationInput {
  numbers: CrossEntropyGradient;
  labels: readonly number[];
  /** the component j written out in the product and the cancellation */
  j: number;
}

export interface DerivationLine {
  tex: string[];
  text: string;
}


const at = (v: ArrayLike<number>, i: number) => v[i] ?? NaN;
const tp = (f: DerivationInput, i: number) => `\\term{${term.probability(i)}}{${texNumber(at(f.numbers.probabilities, i), DIGITS.value)}}`;
/** labels are mostly 0 and 1: whole numbers read as such, a soft label gets three decimals */
export const labelDigits = (y: number) => (Number.isInteger(y) ? 0 : DIGITS.value);
const ty = (f: DerivationInput, i: number) => {
  const y = f.labels[i] ?? NaN;
  return `\\term{${term.label(i)}}{${texNumber(y, labelDigits(y))}}`;
};
const fy = (y: number) => formatNumber(y, labelDigits(y));
const tdp = (f: DerivationInput, i: number) =>
  `\\term{${term.probabilityGradient(i)}}{${texNumber(at(f.numbers.lossByProbability, i), DIGITS.value)}}`;
const tg = (f: DerivationInput, i: number) => `\\term{${term.gradient(i)}}{${texNumber(at(f.numbers.gradient, i), DIGITS.value)}}`;
/**
 * a number in parentheses when it reads negative at DIGITS.value decimals, so that "a · −b" never appears (a tiny
 * negative reads in scientific notation with its sign, −4.25 × 10⁻¹⁸; only a rounded-away sign needs none)
 */
const paren = (v: number, tex: string) => (numberParts(v, DIGITS.value).negative ? `(${tex})` : tex);

/** Split a long sum into pieces of `size` terms, the first starting with `{} =`, the rest with `{} +`. */
function chunks(terms: string[], size: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < terms.length; k += size) {
    out.push(`\\displaystyle {} ${k === 0 ? '=' : '+'} ${terms.slice(k, k + size).join(' + ')}`);
  }
  return out;
}

/** Which classes the loss line writes out: all of them up to four, else those with y_i > 0. */
function lossClasses(labels: readonly number[]): number[] {
  const all = labels.map((_, i) => i);
  if (labels.length <= 4) return all;
  const weighted = all.filter((i) => (labels[i] ?? 0) > 0);
  return weighted.length <= 4 ? weighted : all;
}

export function lossLine(f: DerivationInput): DerivationLine {
  const C = f.labels.length;
  const shown = lossClasses(f.labels);
  const terms = shown.map((i) => `${ty(f, i)}\\ln ${tp(f, i)}`);
  const tex = [
    `\\displaystyle L = -\\sum_{i=1}^{${C}} y_i \\ln p_i`,
    ...chunks(terms, 2).map((piece, k) => (k === 0 ? piece.replace('{} = ', '{} = -\\big(') : piece)),
    `\\displaystyle {} = \\term{${term.loss()}}{${texNumber(f.numbers.loss, DIGITS.value)}}`,
  ];
  // close the bracket on the last piece of the sum
  tex[tex.length - 2] += '\\big)';
  const words = shown.map((i) => `${fy(f.labels[i] ?? NaN)} × ln ${formatNumber(at(f.numbers.probabilities, i), DIGITS.value)}`);
  const skipped = shown.length < C ? ' (the classes with y = 0 add nothing)' : '';
  return {
    tex,
    text: `L = minus the sum over i of y_i ln p_i = −(${words.join(' + ')})${skipped} = ${formatNumber(f.numbers.loss, DIGITS.value)}`,
  };
}

export function probabilityGradientLine(f: DerivationInput): DerivationLine {
  const C = f.labels.length;
  const fractions = f.labels.map((_, i) => `-\\tfrac{${ty(f, i)}}{${tp(f, i)}}`);
  const values = f.labels.map((_, i) => tdp(f, i));
  const size = C <= 4 ? C : 3;
  // a vector too long for a phone continues on the next piece after a comma
  const vector = (items: string[]) => {
    const out: string[] = [];
    for (let k = 0; k < items.length; k += size) {
      const open = k === 0 ? '{} = \\big[\\,' : '';
      const close = k + size >= items.length ? '\\,\\big]' : ',';
      out.push(`\\displaystyle ${open}${items.slice(k, k + size).map((x) => `{${x}}`).join(',\\; ')}${close}`);
    }
    return out;
  };
  return {
    tex: [
      `\\displaystyle \\frac{\\partial L}{\\partial p_i} = -\\frac{y_i}{p_i},\\quad`,
      `\\displaystyle \\frac{\\partial L}{\\partial \\mathbf p} = -\\mathbf y \\oslash \\mathbf p`,
      ...vector(fractions),
      ...vector(values),
    ],
    text:
      `∂L/∂p_i = −y_i / p_i, so ∂L/∂p = [` +
      f.labels.map((y, i) => `−${fy(y)} / ${formatNumber(at(f.numbers.probabilities, i), DIGITS.value)}`).join(', ') +
      `] = [${Array.from(f.numbers.lossByProbability, (v) => formatNumber(v, DIGITS.value)).join(', ')}]`,
  };
}

export function jacobianLine(f: DerivationInput): DerivationLine {
  const b = f.j + 1;
  const jj = (i: number) => `\\term{${term.jacobian(i, f.j)}}{${texNumber(at(f.numbers.jacobian[i] ?? [], f.j), DIGITS.value)}}`;
  const column = f.labels.map((_, i) => `{${jj(i)}}`).join(',\\; ');
  return {
    tex: [
      `\\displaystyle \\frac{\\partial p_i}{\\partial z_j} = p_i\\,(\\delta_{ij} - p_j),\\quad`,
      `\\displaystyle J = \\operatorname{diag}(\\mathbf p) - \\mathbf p\\,\\mathbf p^{\\mathsf T},\\quad`,
      `\\displaystyle \\frac{\\partial \\mathbf p}{\\partial z_{${b}}} = \\big[\\,${column}\\,\\big]`,
    ],
    text:
      `∂p_i/∂z_j = p_i (δ_ij − p_j), J = diag(p) − p pᵀ; column ${b}, how every p responds to z${b}: [` +
      f.labels.map((_, i) => formatNumber(at(f.numbers.jacobian[i] ?? [], f.j), DIGITS.value)).join(', ') +
      ']',
  };
}

export function productLine(f: DerivationInput): DerivationLine {
  const b = f.j + 1;
  const C = f.labels.length;
  const terms = f.labels.map((_, i) => {
    const v = at(f.numbers.jacobian[i] ?? [], f.j);
    const jij = `\\term{${term.jacobian(i, f.j)}}{${texNumber(v, DIGITS.value)}}`;
    return `${paren(at(f.numbers.lossByProbability, i), tdp(f, i))}\\cdot ${paren(v, jij)}`;
  });
  const chain = f.numbers.chainRule[f.j] ?? NaN;
  return {
    tex: [
      `\\displaystyle \\frac{\\partial L}{\\partial z_{${b}}} = \\sum_{i=1}^{${C}} \\frac{\\partial L}{\\partial p_i}\\,\\frac{\\partial p_i}{\\partial z_{${b}}}`,
      // one term a piece: a phone stacks them, a desktop lines them up
      ...chunks(terms, 1),
      `\\displaystyle {} = \\term{${term.gradient(f.j)}}{${texNumber(chain, DIGITS.value)}}`,
    ],
    text:
      `∂L/∂z${b} = the sum over i of ∂L/∂p_i × ∂p_i/∂z${b} = ` +
      f.labels
        .map((_, i) => `${formatNumber(at(f.numbers.lossByProbability, i), DIGITS.value)} × ${formatNumber(at(f.numbers.jacobian[i] ?? [], f.j), DIGITS.value)}`)
        .join(' + ') +
      ` = ${formatNumber(chain, DIGITS.value)}`,
  };
}

export function cancellationLine(f: DerivationInput): DerivationLine {
  const b = f.j + 1;
  const pj = at(f.numbers.probabilities, f.j);
  const yj = f.labels[f.j] ?? NaN;
  const total = f.labels.reduce((s, y) => s + y, 0);
  return {
    tex: [
      `\\displaystyle \\frac{\\partial L}{\\partial z_{${b}}} = \\sum_i \\Big(-\\frac{y_i}{p_i}\\Big)\\, p_i\\,(\\delta_{i${b}} - p_{${b}})`,
      `\\displaystyle {} = -y_{${b}} + p_{${b}} \\sum_i y_i`,
      `\\displaystyle {} = -${paren(yj, ty(f, f.j))} + ${tp(f, f.j)} \\cdot ${texNumber(total, DIGITS.value)}`,
      `\\displaystyle {} = p_{${b}} - y_{${b}} = ${tg(f, f.j)}`,
    ],
    text:
      `∂L/∂z${b} = the sum over i of (−y_i / p_i) × p_i (δ_i${b} − p${b}) = −y${b} + p${b} × Σ y_i = ` +
      `−${fy(yj)} + ${formatNumber(pj, DIGITS.value)} × ${formatNumber(total, DIGITS.value)} = p${b} − y${b} = ` +
      formatNumber(at(f.numbers.gradient, f.j), DIGITS.value),
  };
}

/** The derivation's steps in order: what the stepper walks through. */
export const DERIVATION_STEPS = [
  { title: 'The loss', line: lossLine },
  { title: 'The loss with respect to the probabilities', line: probabilityGradientLine },
  { title: 'The softmax Jacobian', line: jacobianLine },
  { title: 'Their product: the chain rule', line: productLine },
  { title: 'The cancellation', line: cancellationLine },
] as const;

export interface DescentInput {
  logits: readonly number[];
  gradient: ArrayLike<number>;
  learningRate: number;
  next: readonly number[];
}


/**
 * One step of gradient descent written out: z′ = z − η (p − y) with the current numbers, four pieces
 * that stack on a phone. The gradient's entries carry their term ids, so they light up with its bars.
 */
export function descentLine({ logits, gradient, learningRate, next }: DescentInput): DerivationLine {
  const vec = (items: string[]) => `\\big[\\,${items.map((x) => `{${x}}`).join(',\\; ')}\\,\\big]`;
  const z = logits.map((v, i) => `\\term{${term.logit(i)}}{${texNumber(v, DIGITS.logit)}}`);
  const g = Array.from(gradient, (v, i) => `\\term{${term.gradient(i)}}{${texNumber(v, DIGITS.value)}}`);
  const words = (v: ArrayLike<number>, d: number) => `[${Array.from(v, (x) => formatNumber(x, d)).join(', ')}]`;
  return {
    tex: [
      `\\displaystyle \\mathbf z' = \\mathbf z - \\eta\\,(\\mathbf p - \\mathbf y)`,
      `\\displaystyle {} = ${vec(z)}`,
      `\\displaystyle {} - ${texNumber(learningRate, 1)} \\cdot ${vec(g)}`,
      `\\displaystyle {} = ${vec(next.map((v) => texNumber(v, DIGITS.logit)))}`,
    ],
    text:
      `z′ = z − η (p − y) = ${words(logits, DIGITS.logit)} − ${formatNumber(learningRate, 1)} × ${words(gradient, DIGITS.value)} = ` +
      words(next, DIGITS.logit),
  };
}

/**
 * The chapter's live formulas at its starting state (the worked example with y = [0, 1, 0]), every
 * step for every component and the first gradient step at the initial learning rate, so that the
 * page's first paint needs no KaTeX runtime. Used by src/build/prerenderedFormulas.ts at build time.
 */
export function softmaxCrossEntropyStartFormulas(): { tex: string; display: boolean }[] {
  const { logits, labels } = workedExample();
  const numbers = crossEntropyGradient(logits, labels);
  const learningRate = LEARNING_RATE.initial;
  const next = gradientStep(logits, labels, learningRate);
  const lines = labels.flatMap((_, j) => DERIVATION_STEPS.map(({ line }) => line({ numbers, labels, j })));
  lines.push(descentLine({ logits, gradient: numbers.gradient, learningRate, next }));
  return lines.flatMap((l) => l.tex.map((tex) => ({ tex, display: false })));
}
