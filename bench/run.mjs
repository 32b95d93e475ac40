// @ts-check
/**
 * `npm run bench`: builds (via the npm script), then measures what the first chapter costs to
 * download, what a slider step costs the main thread, how smoothly a pointer drag draws and whether
 * visiting every chapter again grows the heap. Prints figures and writes them to
 * bench/results/. Figures, not verdicts: only the JS budget is enforced, by the e2e tests.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startStaticServer } from './lib/server.mjs';
import { BENCH_RESULTS_DIR, DIST_DIR, REPO_ROOT } from './lib/paths.mjs';
import { findChromium } from './lib/chromium.mjs';
import { formatBundleReport, formatKB } from './lib/bundle.mjs';
import { measureSize, measureSizeAfterShapeChange } from './size.mjs';
import { formatLoad, measureLoad } from './load.mjs';
import { BARE_SLIDER, BARE_SLIDER_DIR, EXERCISE_TARGETS, formatAgainstFloor, formatInteraction, measureInteraction, targetName, TARGETS } from './interaction.mjs';
import { againstFloor, FLOOR_RATIO_GOAL } from './lib/againstFloor.mjs';
import { formatExperiment, measureExperiment } from './experiment.mjs';
import { formatMinibatches, formatTraining, measureMinibatches, measureTraining } from './training.mjs';
import { formatBackprop, measureBackprop } from './backprop.mjs';
import { formatDrag, measureDrags } from './drag.mjs';
import { formatHeap, measureHeap } from './heap.mjs';

/** @returns {string | null} */
function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

const { path: executablePath } = await findChromium();
const server = await startStaticServer(DIST_DIR);
try {
  const size = await measureSize({ baseURL: server.url });
  console.log(formatBundleReport(size));
  console.log('');
  const afterShapeChange = await measureSizeAfterShapeChange({ baseURL: server.url });
  console.log('after the live formula first changes shape (KaTeX runtime fetched):');
  console.log(formatBundleReport(afterShapeChange, { budget: false }));
  console.log('');
  // First load on a slow phone, beside a static page of the same prose loaded in the same run.
  const load = await measureLoad();
  console.log(formatLoad(load));
  console.log('');
  // The floor first: a bare range input in the same browser, so the chapters' figures can be read
  // against what this machine charges for any slider step at all.
  const bareServer = await startStaticServer(BARE_SLIDER_DIR);
  const measureFloor = () => measureInteraction({ baseURL: bareServer.url, target: BARE_SLIDER });
  const bareSlider = await measureFloor();
  console.log(formatInteraction(bareSlider));
  console.log('');
  const interactions = [];
  try {
    for (const target of [...TARGETS, ...EXERCISE_TARGETS]) {
      // A floor beside every row: on a shared machine the load drifts over the minutes a run takes,
      // and a ratio against a floor measured long before mixes that drift into the chapter's figure.
      const floor = await measureFloor();
      const interaction = { ...(await measureInteraction({ baseURL: server.url, target })), floorRuns: floor.runs };
      console.log(formatInteraction(interaction));
      console.log('');
      interactions.push(interaction);
    }
  } finally {
    await bareServer.close();
  }
  console.log(formatAgainstFloor(interactions, bareSlider));
  console.log('');

  const experiment = await measureExperiment({ baseURL: server.url });
  console.log(formatExperiment(experiment));
  console.log('');

  const training = await measureTraining();
  console.log(formatTraining(training));
  console.log('');
  const minibatch = await measureMinibatches();
  console.log(formatMinibatches(minibatch));
  console.log('');

  const backprop = await measureBackprop({ baseURL: server.url });
  console.log(formatBackprop(backprop));
  console.log('');

  const dragBareServer = await startStaticServer(BARE_SLIDER_DIR);
  const drag = await measureDrags({ baseURL: server.url, bareURL: dragBareServer.url }).finally(() => dragBareServer.close());
  console.log(formatDrag(drag.runs, drag.reference));
  console.log('');

  const heap = await measureHeap({ baseURL: server.url });
  console.log(formatHeap(heap));
  console.log('');

  /** @type {[string, string, string, string][]} */
  const rows = [
    ['JS gzip, #/softmax', formatKB(size.js.gzipBytes), `≤ ${formatKB(size.jsBudgetBytes)}`, (size.js.gzipBytes / size.jsBudgetBytes).toFixed(2)],
    ['CSS gzip, #/softmax', formatKB(size.css.gzipBytes), '—', '—'],
    ['JS gzip, after a formula shape change', formatKB(afterShapeChange.js.gzipBytes), '—', '—'],
  ];
  /** @param {number | null} v */
  const times = (v) => (v === null ? '—' : `${v.toFixed(2)}×`);
  /** @param {number | null} v @param {number} goal */
  const ofGoal = (v, goal) => (v === null ? '—' : (v / goal).toFixed(2));
  rows.push(['first load #/softmax: text paint ÷ static page', times(load.ratios.text), `≤ ${load.goals.text}×`, ofGoal(load.ratios.text, load.goals.text)]);
  rows.push(['first load #/softmax: slider usable ÷ static text', times(load.ratios.slider), `≤ ${load.goals.slider}×`, ofGoal(load.ratios.slider, load.goals.slider)]);
  for (const run of bareSlider.runs) {
    rows.push([`slider step, bare range input, CPU ${run.cpuThrottlingRate}×`, `${run.perStepMs.TaskDuration.toFixed(2)} ms`, '(floor)', run.ratioToGoal.toFixed(2)]);
  }
  // issue 15's goal: at most FLOOR_RATIO_GOAL bare-slider steps, at each CPU rate; the ratio column is (× floor) ÷ goal
  for (const interaction of interactions) {
    for (const f of againstFloor(interaction.runs, interaction.floorRuns ?? bareSlider.runs)) {
      rows.push([
        `slider step ${targetName(interaction)}, CPU ${f.rate}×`,
        `${f.taskMs.toFixed(2)} ms = ${f.ratio.toFixed(2)}× floor`,
        `≤ ${FLOOR_RATIO_GOAL}× floor`,
        (f.ratio / FLOOR_RATIO_GOAL).toFixed(2),
      ]);
    }
  }
  rows.push([
    `frames/s during the ${experiment.seeds}-seed experiment`,
    experiment.fps.toFixed(1),
    `≥ ${experiment.goalFps}`,
    experiment.ratioToGoal.toFixed(2),
  ]);
  rows.push([
    'training steps/s, core ÷ tfjs-cpu (2-16-3, m 300)',
    `${training.ratio.toFixed(1)}×`,
    `≥ ${training.goalRatio}×`,
    (training.ratio / training.goalRatio).toFixed(2),
  ]);
  for (const s of minibatch.sizes) {
    rows.push([
      `minibatch examples/s, core ÷ plain loop (B ${s.batchSize}${s.sameWeights ? '' : ', WEIGHTS DIFFER'})`,
      `${s.ratio.toFixed(2)}×`,
      `≥ ${minibatch.goalRatio}×`,
      (s.ratio / minibatch.goalRatio).toFixed(2),
    ]);
  }
  rows.push(['core training, share of scalar FLOP/s', `${(100 * training.fractionOfScalar).toFixed(1)}%`, '—', '—']);
  rows.push(['frames/s while #/backprop trains', backprop.fps.toFixed(1), `≥ ${backprop.goalFps}`, backprop.fpsRatio.toFixed(2)]);
  for (const s of backprop.sliders) {
    rows.push([`#/backprop "${s.slider}" step beyond training`, `${s.extraMsPerStep.toFixed(2)} ms`, `< ${backprop.goalMs} ms`, s.ratioToGoal.toFixed(2)]);
  }
  // two goals a drag: the ratio column gives fps ÷ 55 (≥ 1 meets it), then longest frame ÷ 50 ms (≤ 1 meets it)
  for (const d of [{ ...drag.reference, name: 'bare slider' }, ...drag.runs.map((r) => ({ ...r, name: targetName(r) }))]) {
    rows.push([
      `pointer drag ${d.name}, CPU ${d.cpuThrottlingRate}×`,
      `${d.fps.toFixed(1)} fps, longest ${d.longestFrameMs.toFixed(0)} ms`,
      `≥ ${d.goalFps} fps, ≤ ${d.goalLongestMs} ms`,
      `${(d.fps / d.goalFps).toFixed(2)} / ${(d.longestFrameMs / d.goalLongestMs).toFixed(2)}`,
    ]);
  }
  rows.push([
    `JS heap after round ${heap.rounds} ÷ after round 1 (${heap.chapters} chapters)`,
    `${(heap.afterLastBytes / 2 ** 20).toFixed(1)} ÷ ${(heap.afterFirstBytes / 2 ** 20).toFixed(1)} MB = ${heap.ratio.toFixed(3)}`,
    `≤ ${heap.goalRatio}`,
    (heap.ratio / heap.goalRatio).toFixed(2),
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['measure', 'figure', 'goal', 'ratio'][i]?.length ?? 0));
  const line = (/** @type {string[]} */ cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log('summary');
  console.log(line(['measure', 'figure', 'goal', 'ratio']));
  for (const row of rows) console.log(line(row));

  const result = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    chromium: executablePath,
    size,
    afterShapeChange,
    load,
    bareSlider,
    interactions,
    experiment,
    training,
    minibatch,
    backprop,
    drag,
    heap,
  };
  await mkdir(BENCH_RESULTS_DIR, { recursive: true });
  const stamp = result.date.replace(/[:.]/g, '-');
  const file = join(BENCH_RESULTS_DIR, `bench-${stamp}.json`);
  const json = `${JSON.stringify(result, null, 2)}\n`;
  await writeFile(file, json);
  await writeFile(join(BENCH_RESULTS_DIR, 'latest.json'), json);
  console.log(`\nwrote ${file}`);
} finally {
  await server.close();
}
