import { formatNumber, texNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { lossReport, type LossReport } from './pytorchLossMath';
import { START_BATCH, type Batch } from './pytorchLossInputs';

/**
 * The option explorer's live formula: how the per-sample losses ℓ_n become the loss, with the mean's
 * denominator written out (Σ of the kept samples' class weights, their count, or N), each ℓ_n and each
 * w_{t_n} linked to its sample. The same in words for screen readers and for the sentence under it.
 */

const DIGITS = 3;
/** A weight or a count as the page writes it: 2, 0.5 */
export const plain = (v: number) => formatNumber(v, Number.isInteger(v) ? 0 : 1);
const texPlain = (v: number) => texNumber(v, Number.isInteger(v) ? 0 : 1);

const sampleTerm = (n: number, tex: string) => `\\term{${term.lossSample(n)}}{${tex}}`;
const texSum = (parts: readonly string[]) => (parts.length === 0 ? '0' : parts.join(' + '));
const textSum = (parts: readonly string[]) => (parts.length === 0 ? '0' : parts.join(' + '));

export interface Fraction {
  numerator: number;
  denominator: number;
  numeratorTerms: readonly { sample: number; value: number }[];
  denominatorTerms: readonly { sample: number; value: number }[];
}

/** The mean as the fraction PyTorch computes: the kept samples' losses over the denominator's terms. */
export function meanFraction(b: Batch, r: LossReport): Fraction {
  const numeratorTerms = r.kept.map((n) => ({ sample: n, value: r.perSample[n] as number }));
  const denominatorTerms =
    r.denominatorKind === 'weights'
      ? r.denominatorTerms.map((t) => ({ sample: t.sample, value: t.weight }))
      : r.denominatorKind === 'count'
        ? r.kept.map((n) => ({ sample: n, value: 1 }))
        : [];
  return { numerator: r.total, denominator: r.denominator, numeratorTerms, denominatorTerms };
}

/** What the mean divides by, in words: "the kept samples’ class weights, w[t_0] + w[t_2]" */
export function denominatorWords(r: LossReport): string {
  switch (r.denominatorKind) {
    case 'weights':
      return 'Σ w[tₙ] over the samples that are not ignored';
    case 'count':
      return 'the number of samples that are not ignored';
    case 'samples':
      return 'N, the number of samples (probability targets)';
  }
}

export function lossTex(b: Batch, r: LossReport): string[][] {
  const losses = r.kept.map((n) => sampleTerm(n, texNumber(r.perSample[n] as number, DIGITS)));
  if (b.reduction === 'none') {
    return [[`\\boldsymbol{\\ell} = \\bigl[${Array.from(r.perSample, (v, n) => sampleTerm(n, texNumber(v, DIGITS))).join(',\\ ')}\\bigr]`]];
  }
  if (b.reduction === 'sum') {
    return [[`L = \\textstyle\\sum_n \\ell_n`, `{} = ${texSum(losses)}`, `{} = ${texNumber(r.value, DIGITS)}`]];
  }
  const f = meanFraction(b, r);
  const top = `\\textstyle\\sum_n \\ell_n`;
  const bottom =
    r.denominatorKind === 'weights' ? `\\textstyle\\sum_{n\\ \\text{kept}} w_{t_n}` : r.denominatorKind === 'count' ? `N_{\\text{kept}}` : `N`;
  const below =
    r.denominatorKind === 'samples' ? texPlain(r.denominator) : texSum(f.denominatorTerms.map((t) => sampleTerm(t.sample, texPlain(t.value))));
  const result = r.undefinedMean ? `{} = \\text{undefined}` : `{} = ${texNumber(r.value, DIGITS)}`;
  return [
    [
      `L = \\dfrac{${top}}{${bottom}}`,
      `{} = \\dfrac{${texSum(losses)}}{${below}}`,
      `{} = \\dfrac{${texNumber(r.total, DIGITS)}}{${texPlain(r.denominator)}}`,
      result,
    ],
  ];
}

/** The same in words: "mean = Σ ℓₙ / Σ w[tₙ] over the kept samples = (0.483 + 2.815) / (2 + 2) = 3.298 / 4 = 0.824" */
export function lossText(b: Batch, r: LossReport, undefinedMessage: string): string {
  const losses = r.kept.map((n) => formatNumber(r.perSample[n] as number, DIGITS));
  if (b.reduction === 'none') {
    return `reduction='none' returns one loss per sample: [${Array.from(r.perSample, (v) => formatNumber(v, DIGITS)).join(', ')}].`;
  }
  if (b.reduction === 'sum') return `sum = ${textSum(losses)} = ${formatNumber(r.value, DIGITS)}.`;
  const f = meanFraction(b, r);
  const grouped = (parts: readonly string[]) => (parts.length > 1 ? `(${textSum(parts)})` : textSum(parts));
  const below = r.denominatorKind === 'samples' ? plain(r.denominator) : grouped(f.denominatorTerms.map((t) => plain(t.value)));
  const written = `mean = Σ ℓₙ / ${denominatorWords(r)} = ${grouped(losses)} / ${below}`;
  if (r.undefinedMean) return `${written}: ${undefinedMessage}.`;
  return `${written} = ${formatNumber(r.total, DIGITS)} / ${plain(r.denominator)} = ${formatNumber(r.value, DIGITS)}.`;
}

/** The explorer's starting formula, typeset at build time (src/build/prerenderedFormulas.ts). */
export function pytorchLossStartFormulas(): { tex: string; display: boolean }[] {
  return lossTex(START_BATCH, lossReport(START_BATCH))
    .flat()
    .map((tex) => ({ tex, display: false }));
}
