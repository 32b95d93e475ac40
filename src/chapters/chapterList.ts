import type { ComponentType, ReactNode } from 'react';
import type { EmbeddableWidget } from '../url/widgetEntry';

/**
 * What a chapter's lazy chunk exports: the components its prose's slots name (its prose itself is HTML
 * rendered at build time, see build/chapterPages.ts), what they all need around them if anything, and
 * its widgets' entries (the keys they keep in the address).
 */
export interface ChapterModule {
  page: Readonly<Record<string, ComponentType>>;
  Provider?: ComponentType<{ children: ReactNode }>;
  widgets: readonly EmbeddableWidget[];
}

export interface Chapter {
  number: number;
  slug: string;
  title: string;
  /** absent while the chapter is unwritten: it is listed as coming, never linked to an empty page */
  load?: () => Promise<ChapterModule>;
}

declare global {
  interface Window {
    /** index.html's boot script: links the chapter's scripts for the browser to fetch side by side (build/chapterPreload.ts) */
    __preloadChapter?: (slug: string, scriptsOnly: true) => void;
  }
}

/**
 * A chapter's loader: the import, after asking index.html's boot script to fetch the chunks the
 * chapter's chunk imports alongside it rather than after it (absent in tests and `vite dev`).
 */
const chapterLoader =
  (slug: string, load: () => Promise<ChapterModule>): (() => Promise<ChapterModule>) =>
  () => {
    if (typeof window !== 'undefined') window.__preloadChapter?.(slug, true);
    return load();
  };

/** The 13 chapters of the syllabus, in order, with their routes. */
export const CHAPTERS: readonly Chapter[] = [
  {
    number: 1,
    slug: 'information',
    title: 'Information and cross-entropy',
    load: chapterLoader('information', () => import('./information/InformationChapter')),
  },
  {
    number: 2,
    slug: 'softmax',
    title: 'Softmax',
    load: chapterLoader('softmax', () => import('./softmax/SoftmaxChapter')),
  },
  {
    number: 3,
    slug: 'jacobian',
    title: 'The softmax Jacobian',
    load: chapterLoader('jacobian', () => import('./jacobian/JacobianChapter')),
  },
  {
    number: 4,
    slug: 'softmax-cross-entropy',
    title: 'Cross-entropy through softmax',
    load: chapterLoader('softmax-cross-entropy', () => import('./softmax-cross-entropy/SoftmaxCrossEntropyChapter')),
  },
  {
    number: 5,
    slug: 'binary-cross-entropy',
    title: 'Sigmoid and binary cross-entropy',
    load: chapterLoader('binary-cross-entropy', () => import('./binary-cross-entropy/BinaryCrossEntropyChapter')),
  },
  {
    number: 6,
    slug: 'logistic-regression',
    title: 'Logistic regression',
    load: chapterLoader('logistic-regression', () => import('./logistic-regression/LogisticRegressionChapter')),
  },
  {
    number: 7,
    slug: 'squared-error-vs-cross-entropy',
    title: 'Squared error vs cross-entropy',
    load: chapterLoader('squared-error-vs-cross-entropy', () => import('./squared-error-vs-cross-entropy/SquaredErrorVsCrossEntropyChapter')),
  },
  {
    number: 8,
    slug: 'backprop',
    title: 'Backpropagation through a network',
    load: chapterLoader('backprop', () => import('./backprop/BackpropChapter')),
  },
  {
    number: 9,
    slug: 'gradient-check',
    title: 'Checking gradients',
    load: chapterLoader('gradient-check', () => import('./gradient-check/GradientCheckChapter')),
  },
  {
    number: 10,
    slug: 'stability',
    title: 'Numerical stability',
    load: chapterLoader('stability', () => import('./stability/StabilityChapter')),
  },
  {
    number: 11,
    slug: 'pytorch-loss',
    title: 'The PyTorch loss, option by option',
    load: chapterLoader('pytorch-loss', () => import('./pytorch-loss/PytorchLossChapter')),
  },
  {
    number: 12,
    slug: 'higher-derivatives',
    title: 'Beyond the gradient',
    load: chapterLoader('higher-derivatives', () => import('./higher-derivatives/HigherDerivativesChapter')),
  },
  {
    number: 13,
    slug: 'lstm',
    title: 'Where the gates live: the LSTM cell',
    load: chapterLoader('lstm', () => import('./lstm/LstmChapter')),
  },
];

export function findChapter(slug: string): Chapter | undefined {
  return CHAPTERS.find((c) => c.slug === slug);
}

export function isWritten(chapter: Chapter): boolean {
  return chapter.load !== undefined;
}

/** The written chapters before and after `chapter`, in reading order (the unwritten ones are skipped). */
export function writtenNeighbours(chapter: Chapter): { prev?: Chapter; next?: Chapter } {
  const written = CHAPTERS.filter(isWritten);
  const at = written.indexOf(chapter);
  return { prev: at > 0 ? written[at - 1] : undefined, next: at >= 0 ? written[at + 1] : undefined };
}
