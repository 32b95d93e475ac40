import type { Plugin, Rollup } from 'vite';

type OutputChunk = Rollup.OutputChunk;

/** A chapter's lazy chunk: src/chapters/<slug>/<Name>Chapter.tsx, the module chapterList.ts imports. */
/** Vite's folder for chunks and CSS, the same for every file listed. */
const ASSETS = /^assets\//;

const CHAPTER_MODULE = /\/src\/chapters\/([a-z0-9-]+)\/[A-Za-z]+Chapter\.tsx$/;

/**
 * The routes are hash routes, so every chapter is served the same index.html and the browser learns
 * which chapter it shows only once the entry script has arrived, run, and asked for the chapter's
 * chunk: on a slow phone that is a second round trip, after the entry's download and its parse. This
 * puts a few lines in index.html that read the hash before any script and preload that chapter's
 * chunk and the chunks it imports, so they arrive alongside the entry. Their CSS too, as stylesheets:
 * the entry's preload helper, asked for the chunk, links only CSS not linked yet, and waited for it
 * after the chapter's prose was already on screen (a preload link instead would have been a second
 * download where nothing is cached). Script-inserted, these stylesheets do not hold up the first paint.
 * Only what the entry does not load itself is listed; a hash that is no chapter (home, an embed) preloads nothing.
 *
 * The same lines leave `window.__preloadChapter(slug, true)` for the app, which calls it before it
 * imports a chapter's chunk (chapterList.ts): a chapter opened later, or a widget on the embed page,
 * fetches its scripts side by side too. Vite's own lists of the same files, for the chapter chunks, are
 * switched off in vite.config.ts: they said it again in the entry's JavaScript (about 1 KB of gzip).
 */
export function chapterPreload(): Plugin {
  return {
    name: 'logit-lab:chapter-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const entry = chunks.find((c) => c.isEntry);
        const closure = (start: OutputChunk) => {
          const seen = new Set<string>();
          const walk = (chunk: OutputChunk) => {
            for (const file of chunk.imports) {
              if (seen.has(file)) continue;
              seen.add(file);
              const next = byFile.get(file);
              if (next) walk(next);
            }
          };
          seen.add(start.fileName);
          walk(start);
          return seen;
        };
        const loadedByEntry = entry ? closure(entry) : new Set<string>();
        const map: Record<string, string[]> = {};
        for (const chunk of chunks) {
          const slug = chunk.facadeModuleId ? CHAPTER_MODULE.exec(chunk.facadeModuleId)?.[1] : undefined;
          if (!slug) continue;
          const scripts = [...closure(chunk)].filter((f) => !loadedByEntry.has(f));
          const entryCss = new Set([...loadedByEntry].flatMap((f) => [...(byFile.get(f)?.viteMetadata?.importedCss ?? [])]));
          const styles = [...new Set(scripts.flatMap((f) => [...(byFile.get(f)?.viteMetadata?.importedCss ?? [])]))].filter((f) => !entryCss.has(f));
          const files = [...scripts, ...styles];
          // written without the assets folder the build puts every chunk in, to keep index.html short
          map[slug] = files.map((f) => f.replace(ASSETS, ''));
        }
        if (Object.keys(map).length === 0) return html;
        return {
          html,
          tags: [{ tag: 'script', children: preloadScript(map), injectTo: 'head-prepend' }],
        };
      },
    },
  };
}

/**
 * The lines index.html runs first: link the opened chapter's files (`map[slug]`, each under assets/),
 * and leave `window.__preloadChapter` for the app. Plain ES5 and no module: it runs before the entry is
 * even requested. A file is linked once, however often its chapter is asked for. Asked by the app (a
 * second argument), only scripts: the CSS is left to Vite's import helper, which holds the chunk back
 * until its styles apply.
 *
 * The opened chapter's CSS is linked at once, its scripts once its prerendered prose has arrived
 * (`window.__chapterPage.ready`, from chapterPages.ts's lines, which run just before these) or failed
 * to. On a slow link every file fetched at once shares it: the prose, the first thing the learner
 * reads, arrived at 771 ms behind the chapter's chunks instead of alone beside the entry (load bench,
 * #/softmax, 1.6 Mbit/s, 4× CPU, four rounds alternating: text paint 1.20/1.17/1.20/1.14 → 1.16/1.14/
 * 1.15/1.07 × the static page, slider usable no later). The entry asks for the same scripts when it
 * imports the chapter (chapterList.ts), so a prose slower than the entry holds nothing back.
 */
export function preloadScript(map: Readonly<Record<string, readonly string[]>>): string {
  return (
    `(function(){var m=${JSON.stringify(map)},d={};` +
    `function p(s,j,k){var f=m.hasOwnProperty(s)?m[s]:[];for(var i=0;i<f.length;i++){var c=/\\.css$/.test(f[i]);` +
    `if(d[f[i]]||c&&j||!c&&k)continue;d[f[i]]=1;var l=document.createElement('link');l.rel=c?'stylesheet':'modulepreload';l.crossOrigin='';` +
    `l.href='assets/'+f[i];document.head.appendChild(l);}}` +
    `window.__preloadChapter=function(s,j){p(s,j)};var h=/^#\\/([a-z0-9-]+)/.exec(location.hash);` +
    `if(h){var r=window.__chapterPage,g=function(){p(h[1],1)};if(r&&r.ready){p(h[1],0,1);r.ready.then(g,g)}else p(h[1])}})();`
  );
}
