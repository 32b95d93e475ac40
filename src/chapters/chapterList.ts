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
const withPreload = (chapter: Chapter): Chapter => {
  const load = chapter.load;
  if (!load) return chapter;
  return {
    ...chapter,
    load: () => {
      if (typeof window !== 'undefined') window.__preloadChapter?.(chapter.slug, true);
      return load();
    },
  };
};

/** The 13 chapters of the syllabus, in order, with their routes, as written here. */
const SYLLABUS: readonly Chapter[] = [
  {
    number: 1,
    slug: 'information',
    title: 'Information and cross-entropy',
    load: () => import('./information/InformationChapter'),
  },
  {
    number: 2,
    slug: 'softmax',
    title: 'Softmax',
    load: () => import('./softmax/SoftmaxChapter'),
  },
  {
    number: 3,
    slug: 'jacobian',
    title: 'The softmax Jacobian',
    load: () => import('./jacobian/JacobianChapter'),
  },
  {
    number: 4,
    slug: 'softmax-cross-entropy',
    title: 'Cross-entropy through softmax',
    load: () => import('./softmax-cross-entropy/SoftmaxCrossEntropyChapter'),
  },
  {
    number: 5,
    slug: 'binary-cross-entropy',
    title: 'Sigmoid and binary cross-entropy',
    load: () => import('./binary-cross-entropy/BinaryCrossEntropyChapter'),
  },
  {
    number: 6,
    slug: 'logistic-regression',
    title: 'Logistic regression',
    load: () => import('./logistic-regression/LogisticRegressionChapter'),
  },
  {
    number: 7,
    slug: 'squared-error-vs-cross-entropy',
    title: 'Squared error vs cross-entropy',
    load: () => import('./squared-error-vs-cross-entropy/SquaredErrorVsCrossEntropyChapter'),
  },
  {
    number: 8,
    slug: 'backprop',
    title: 'Backpropagation through a network',
    load: () => import('./backprop/BackpropChapter'),
  },
  {
    number: 9,
    slug: 'gradient-check',
    title: 'Checking gradients',
    load: () => import('./gradient-check/GradientCheckChapter'),
  },
  {
    number: 10,
    slug: 'stability',
    title: 'Numerical stability',
    load: () => import('./stability/StabilityChapter'),
  },
  {
    number: 11,
    slug: 'pytorch-loss',
    title: 'The PyTorch loss, option by option',
    load: () => import('./pytorch-loss/PytorchLossChapter'),
  },
  {
    number: 12,
    slug: 'higher-derivatives',
    title: 'Beyond the gradient',
    load: () => import('./higher-derivatives/HigherDerivativesChapter'),
  },
  {
    number: 13,
    slug: 'lstm',
    title: 'Where the gates live: the LSTM cell',
    load: () => import('./lstm/LstmChapter'),
  },
];

/** The 13 chapters, each loader asking for its chunks side by side. */
export const CHAPTERS: readonly Chapter[] = SYLLABUS.map(withPreload);

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
