/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import mdx from '@mdx-js/rollup';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { rehypeFailOnMathError } from './src/build/rehypeFailOnMathError.ts';
import { rehypeKeepPunctuation } from './src/build/rehypeKeepPunctuation.ts';
import { rehypeStaticMathHtml } from './src/build/rehypeStaticMathHtml.ts';
import { corePurity } from './src/build/corePurity.ts';
import { katexOptions } from './src/math/katexOptions.ts';
import { prerenderTex } from './src/build/prerenderTex.ts';
import { chapterPreload } from './src/build/chapterPreload.ts';
import { chapterPages } from './src/build/chapterPages.ts';
import { CHUNK_GROUPS } from './src/build/chunkGroups.ts';
import { VitePWA } from 'vite-plugin-pwa';

/** A chapter's lazy chunk, as the build names it: assets/SoftmaxChapter-<hash>.js */
const CHAPTER_CHUNK = /(^|\/)[A-Z][A-Za-z]*Chapter-[\w-]+\.js$/;

/** content/*.mdx as the app compiles it; chapterPages renders it again, to HTML, with the same plugins. */
const contentMdx = (): Plugin =>
  ({
    // Static math in content/*.mdx is typeset here, at build time, with the same options as <Tex>.
    enforce: 'pre',
    ...mdx({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, katexOptions()], rehypeFailOnMathError, rehypeKeepPunctuation, rehypeStaticMathHtml],
    }),
  }) as Plugin;

export default defineConfig({
  // Relative base + hash routes: dist/ works from any static host, under any sub-path.
  base: './',
  plugins: [
    corePurity(),
    prerenderTex(),
    // Both put a script at the head of index.html, the later plugin's first: chapterPages' fetch of the
    // prose must run before chapterPreload's lines, which wait for it (tests/e2e/navigation.test.ts).
    chapterPreload(),
    chapterPages({ mdx: () => [contentMdx()] }),
    contentMdx(),
    react({ include: /\.(mdx|tsx|ts)$/ }),
    // Offline after one visit: Workbox precaches the whole built site (every chapter's lazy chunk, the
    // workers, the fonts), so a learner on a train can open any chapter they have not opened yet.
    // Only a build makes a worker: none in `vite dev`, and vitest does not load the plugin at all.
    !process.env.VITEST &&
    VitePWA({
      strategies: 'generateSW',
      // A new release waits until the learner says "reload" (src/app/serviceWorker.ts), so a page in
      // use never runs old code against a new cache.
      registerType: 'prompt',
      // registered by the app itself, with a few lines instead of workbox-window, and never by an embed
      injectRegister: false,
      // not an installable app: no manifest, no icons
      manifest: false,
      devOptions: { enabled: false },
      workbox: {
        // woff2 only: every @font-face lists it first, and every browser that runs the app reads it;
        // KaTeX's .woff and .ttf copies would double the download for nothing
        globPatterns: ['**/*.{html,js,css,svg,woff2}'],
        // a new worker, once it takes over, drops what the old release cached and this one does not
        // list; this also drops caches left by older Workbox versions
        cleanupOutdatedCaches: true,
        // the first visit's page is served from the cache at once, not only after a reload
        clientsClaim: true,
        skipWaiting: false,
        // hash routes: every page is index.html, whichever sub-path the site sits under
        navigateFallback: 'index.html',
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // A chapter chunk's imports are fetched beside it by index.html's boot script
    // (build/chapterPreload.ts), which the chapter loaders call too: Vite's lists of the same files, in
    // the entry, go (about 1 KB of gzip). Other lazy chunks keep theirs. CSS is still linked by Vite's
    // helper, which waits for it before the chunk's widgets are drawn.
    modulePreload: { resolveDependencies: (file, deps) => (CHAPTER_CHUNK.test(file) ? [] : deps) },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry imports statically (React, the stores, the address code) in the entry's
          // own file: every page loads all of it anyway, and split into the shared chunks the chapters
          // also import it was five more files, each gzipped on its own (3 KB more for #/softmax).
          // Then the chapters' small shared widgets, a few files instead of a dozen (chunkGroups.ts).
          groups: [{ name: 'boot', tags: ['$initial'], priority: 2 }, ...CHUNK_GROUPS],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['tests/core/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          // pure modules outside the core: formatting, store, URL reading, formula builders
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          // every sentence of a chapter that says what a widget shows, quoted beside the replay that checks it
          name: 'claims',
          include: ['tests/claims/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/components/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores, and timing-free tests still want them.
          fileParallelism: false,
        },
      },
    ],
  },
});
