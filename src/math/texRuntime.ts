import { liveKatexOptions } from './katexOptions';
import { texKey } from './texKeys';
import { fillTemplate, learnTemplate, parseTypeset, splitNumbers, type TexTemplate, type TypesetFormula } from './texTemplate';

/**
 * Where live formulas get their HTML. KaTeX's runtime is the largest piece of JavaScript on a chapter
 * (about 76 KB gzipped), and a formula only needs it once its *shape* changes:
 * - the formulas of every chapter's starting state, and the templates of their shapes, are typeset at
 *   build time (`virtual:prerendered-tex/<slug>`, see src/build/prerenderTex.ts) and registered by the
 *   chapter's page module;
 * - a formula of a known shape is filled in from its template (texTemplate.ts), without KaTeX;
 * - anything else waits for the runtime, fetched once on first need. Until it arrives, `<Tex>` keeps
 *   showing the formula it showed last.
 */

type Katex = typeof import('katex').default;

let katex: Katex | null = null;
let loading: Promise<void> | null = null;
let failed = false;
const listeners = new Set<() => void>();

/** Small LRU maps: a learner dragging back and forth revisits the same formulas and shapes. */
function lru<V>(limit: number) {
  const map = new Map<string, V>();
  return {
    get(key: string): V | undefined {
      const v = map.get(key);
      if (v !== undefined) {
        map.delete(key);
        map.set(key, v);
      }
      return v;
    },
    set(key: string, value: V) {
      if (map.size >= limit) map.delete(map.keys().next().value as string);
      map.set(key, value);
    },
  };
}

const formulas = lru<TypesetFormula>(300);
/** What chapters registered from their build-time sets (see registerPrerendered). */
const built: { formulas: Record<string, string>; templates: Record<string, TexTemplate> } = { formulas: {}, templates: {} };

/**
 * A chapter's page module hands over its build-time formulas and templates
 * (`virtual:prerendered-tex/<slug>`) before it renders, so each chapter ships only its own.
 */
export function registerPrerendered(set: {
  formulas: Readonly<Record<string, string>>;
  templates: Readonly<Record<string, TexTemplate>>;
}): void {
  Object.assign(built.formulas, set.formulas);
  Object.assign(built.templates, set.templates);
}
/** null: the shape was tried and allows no template, so KaTeX typesets it every time */
const templates = lru<TexTemplate | null>(200);

/** The typeset formula if it can be had now, or undefined while KaTeX's runtime is on its way. */
export function typesetNow(tex: string, display: boolean): TypesetFormula | undefined {
  const key = texKey(tex, display);
  const known = formulas.get(key);
  if (known) return known;
  const html = built.formulas[key];
  if (html !== undefined) return remember(key, parseTypeset(html));

  const { shape, numbers } = splitNumbers(tex);
  const shapeKey = texKey(shape, display);
  // null is an answer (this shape allows no template), not a miss: it must not be learned again,
  // which would typeset the formula three times at every step instead of once.
  const learned = templates.get(shapeKey);
  const template = learned === undefined ? built.templates[shapeKey] : learned;
  if (template) return remember(key, fillTemplate(template, numbers));
  if (!katex) return undefined;

  const k = katex;
  const render = (t: string) => k.renderToString(t, liveKatexOptions(display));
  const typeset = parseTypeset(render(tex));
  if (template === undefined) templates.set(shapeKey, learnTemplate(tex, render, typeset));
  return remember(key, typeset);
}

function remember(key: string, formula: TypesetFormula): TypesetFormula {
  formulas.set(key, formula);
  return formula;
}

/** Fetch KaTeX's runtime once; every subscriber hears when it is ready (or has failed). */
export function loadKatex(): Promise<void> {
  loading ??= import('katex').then(
    (m) => {
      katex = m.default;
      listeners.forEach((f) => f());
    },
    () => {
      failed = true;
      listeners.forEach((f) => f());
    },
  );
  return loading;
}

export function katexFailed(): boolean {
  return failed;
}

export function subscribeKatex(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function katexVersion(): number {
  return katex ? 2 : failed ? 1 : 0;
}
