/**
 * Chunk groups for the build (vite.config.ts, rolldown's `codeSplitting.groups`).
 *
 * Left to itself the bundler gives every set of chapters that shares a module its own chunk, so the
 * first chapter's small widgets arrived as a dozen files of 0.2–0.8 KB each, each gzipped on its own
 * with nothing to share a dictionary with. Three groups gather them by what they are, which is also
 * who loads them: #/softmax's JavaScript goes from 18 files to 9 and from 101.0 to 99.3 KB of gzip,
 * and no later chapter grows by more than 0.8 KB (most shrink), measured over all thirteen routes.
 *
 * `includeDependenciesRecursively: false`: a group holds the modules it names and nothing they
 * import. With the default, the bar widgets pulled in the number formatting and the slider every
 * chapter shares, and backprop, which draws no bars, loaded them all (4 KB more). The modules named
 * here have no top-level effects besides their CSS, so the order chunks run in does not matter.
 */

interface ChunkGroup {
  name: string;
  test: RegExp;
  includeDependenciesRecursively: false;
  priority: number;
}

function group(name: string, paths: readonly string[]): ChunkGroup {
  return {
    name,
    test: new RegExp(`/src/(${paths.join('|')})\\.[a-z]+$`),
    includeDependenciesRecursively: false,
    // below the entry's own group, which takes what the entry imports first
    priority: 1,
  };
}

/** What each group holds, by path under src/ without the extension; a unit test checks every file exists. */
export const CHUNK_GROUP_MODULES = {
  // the frame of every widget and plot: the error boundary, the embed flag, axes, pointer → viewBox
  widgetKit: ['tools/WidgetBoundary', 'state/embedContext', 'plots/axes', 'plots/viewBoxPoint'],
  // softmax and what it is computed with, for the chapters that show p = softmax(z)
  softmaxCore: ['core/exactArithmetic', 'core/validate', 'core/softmax'],
  // the draggable logit bars, the probability bars and the logit sliders of chapters 1–5, 10 and 12
  logitWidgets: [
    'plots/barScales',
    'plots/niceTicks',
    'plots/LogitBars',
    'plots/ProbabilityBars',
    'plots/useBarDrag',
    'controls/LogitSliders',
  ],
} as const satisfies Record<string, readonly string[]>;

export const CHUNK_GROUPS: ChunkGroup[] = Object.entries(CHUNK_GROUP_MODULES).map(([name, paths]) =>
  group(name, paths),
);
