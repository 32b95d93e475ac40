import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { slotNames } from './slotNames';
import { PRERENDERED_ATTRIBUTE, PROSE_END, PROSE_FOLD } from '../app/chapterPageMarkup';
import { createServer, type Plugin, type PluginOption, type Rollup } from 'vite';

/** slug → a function that loads the chapter's prerendered page (app/chapterProseSource.ts reads it). */
export const CHAPTER_PAGES_MODULE = 'virtual:chapter-pages';
const RESOLVED = `\0${CHAPTER_PAGES_MODULE}`;
const RENDERER = '/src/build/renderChapterPages.tsx';
/** In `vite dev` and vitest, one chapter's page as a module: `virtual:chapter-page/softmax`. */
const ONE_PAGE_MODULE = 'virtual:chapter-page/';
const ASSET_NAME = /^chapter-([a-z0-9-]+)\.html$/;

type Renderer = typeof import('./renderChapterPages');

/**
 * A chapter's prose was JSX in its lazy chunk, so on a slow phone nothing of the chapter could paint
 * before React, the entry and that chunk had all arrived and run. This renders every chapter's page
 * (layout, head, prose with its static math; widgets as slots saying they are loading) to an HTML file
 * at build time, a hashed asset the service worker precaches like any other. A few lines put in
 * index.html fetch the opened chapter's file alongside the scripts and show it as soon as it arrives;
 * the app then draws the same prose from the same file and fills the slots (app/ChapterProse.tsx), so
 * the MDX no longer ships in any chunk. `mdx` gives the plugins that compile content/*.mdx, as the app
 * has them; they are run in a Vite SSR loader of their own.
 */
export function chapterPages({ mdx }: { mdx: () => PluginOption[] }): Plugin {
  let root = process.cwd();
  let command: 'build' | 'serve' = 'build';
  let rendered: Promise<Record<string, string>> | undefined;
  const render = async (): Promise<Record<string, string>> => {
    const server = await createServer({
      configFile: false,
      mode: 'production',
      root,
      logLevel: 'error',
      plugins: mdx(),
      server: { middlewareMode: true, hmr: false, ws: false },
      appType: 'custom',
      // the build runs with NODE_ENV=production, whose React has no jsxDEV
      oxc: { jsx: { runtime: 'automatic', development: false } },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    try {
      const renderer = (await server.ssrLoadModule(RENDERER)) as Renderer;
      return await renderer.renderChapterPages(readSource(root));
    } finally {
      await server.close();
    }
  };
  return {
    name: 'logit-lab:chapter-pages',
    configResolved(config) {
      root = config.root;
      command = config.command;
    },
    resolveId(id) {
      if (id === CHAPTER_PAGES_MODULE) return RESOLVED;
      if (id.startsWith(ONE_PAGE_MODULE)) return `\0${id}`;
      return undefined;
    },
    async load(id) {
      if (id.startsWith(`\0${ONE_PAGE_MODULE}`)) {
        // rendered where it is imported, from the chapter's MDX module, so an edit shows on reload
        const slug = id.slice(ONE_PAGE_MODULE.length + 1);
        const slots = slotNames(readSource(root)(slug));
        return [
          `import Content from ${JSON.stringify(`/content/${slug}.mdx`)};`,
          `import { renderChapterPage } from ${JSON.stringify(RENDERER)};`,
          `export default renderChapterPage(${JSON.stringify(slug)}, Content, ${JSON.stringify(slots)});`,
        ].join('\n');
      }
      if (id !== RESOLVED) return undefined;
      if (command === 'serve') {
        // vite dev and vitest: a chapter's page is a module of its own, rendered when first imported
        const slugs = readdirSync(join(root, 'content'))
          .filter((f) => f.endsWith('.mdx'))
          .map((f) => f.slice(0, -'.mdx'.length));
        const entries = slugs.map((slug) => `${JSON.stringify(slug)}: () => import(${JSON.stringify(ONE_PAGE_MODULE + slug)}).then((m) => m.default)`);
        return `export const chapterPages = { ${entries.join(', ')} };`;
      }
      const pages = await (rendered ??= render());
      for (const [slug, html] of Object.entries(pages)) this.emitFile({ type: 'asset', name: `chapter-${slug}.html`, source: html });
      // The pages' hashed names are in index.html already (the boot script below leaves them in
      // window.__chapterPageFiles): read from there, not written a second time into the entry's JavaScript.
      return [
        'const fetchPage = (url) => fetch(url).then((r) => { if (!r.ok) throw new Error(url + ": " + r.status); return r.text(); });',
        "const files = (typeof window === 'undefined' ? undefined : window.__chapterPageFiles) ?? {};",
        'export const chapterPages = Object.fromEntries(Object.keys(files).map((slug) => [slug, () => fetchPage(new URL(files[slug], import.meta.url).href)]));',
      ].join('\n');
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const files: Record<string, string> = {};
        for (const output of Object.values(ctx.bundle)) {
          if (output.type !== 'asset') continue;
          const slug = chapterPageSlug(output);
          // written without the assets folder, as chapterPreload writes its chunks
          if (slug) files[slug] = output.fileName.replace(/^assets\//, '');
        }
        if (Object.keys(files).length === 0) return html;
        return { html, tags: [{ tag: 'script', children: bootScript(files), injectTo: 'head-prepend' }] };
      },
    },
  };
}

const readSource = (root: string) => (slug: string) => readFileSync(join(root, 'content', `${slug}.mdx`), 'utf8');

/** The chapter an emitted asset is the page of, by the name it was emitted under. */
function chapterPageSlug(asset: Rollup.OutputAsset): string | undefined {
  for (const name of asset.names ?? []) {
    const slug = ASSET_NAME.exec(name)?.[1];
    if (slug) return slug;
  }
  return undefined;
}

/**
 * Plain ES5, no module, so it runs before the entry is even requested: fetches the opened chapter's
 * page and shows it in #root if the app has not drawn yet (the boot message is still there). The text
 * is kept in `window.__chapterPage` for the app, which draws its first frame from it (app/ChapterProse.tsx),
 * and every chapter's page file in `window.__chapterPageFiles`, from which the app fetches the others.
 *
 * The page is read as it streams in. Once the part before the fold (PROSE_FOLD) is here, and not yet
 * the whole prose, that part is shown (`__chapterPage.partial`): the browser closes what it leaves open,
 * so the learner reads the chapter's head and first paragraphs while the rest downloads. On a slow link
 * the whole page used to be parsed and laid out only after its last byte, and the first words painted
 * that much later. Once the whole page is here it is parsed aside and the rest moved in after what is
 * shown, so the nodes on screen stay. If the link drops before then, the boot message comes back
 * under the part shown (it says so after a few seconds, unless the app has drawn by then).
 */
export function bootScript(files: Record<string, string>): string {
  const body = JSON.stringify(`[${PRERENDERED_ATTRIBUTE}]`);
  return [
    `(function(){var m=window.__chapterPageFiles=${JSON.stringify(files)};var s=/^#\\/([a-z0-9-]+)(?:[?/]|$)/.exec(location.hash);`,
    `var f=s&&m.hasOwnProperty(s[1])&&m[s[1]];if(!f||!window.fetch)return;var p=window.__chapterPage={slug:s[1],html:null};`,
    // shown: the element the part before the fold was drawn as (null: not drawn, false: not to be);
    // kept: the boot message it replaced. #root is looked up when needed: this runs in the head, before the body is parsed.
    `var shown=null,kept=null;`,
    `function early(t){var k=t.indexOf(${JSON.stringify(PROSE_FOLD)});if(k<0||t.indexOf(${JSON.stringify(PROSE_END)})>=0)return;`,
    `var root=document.getElementById('root');shown=false;kept=root&&root.querySelector('.boot-failed');`,
    `if(kept){root.innerHTML=t.slice(0,k);shown=root.firstElementChild;p.partial=true}}`,
    `function read(r){var b=r.body,D=window.TextDecoder;if(!b||!b.getReader||!D)return r.text();var rd=b.getReader(),d=new D(),t='';`,
    `return rd.read().then(function next(c){if(c.done)return t+d.decode();t+=d.decode(c.value,{stream:true});if(shown===null)early(t);return rd.read().then(next)})}`,
    // the rest, moved in after the shown part: the body's further children, then what follows each of its ancestors
    `function rest(root,h){var c=document.createElement('template');c.innerHTML=h;c=c.content;var tb=c.querySelector(${body}),lb=root.querySelector(${body});`,
    `var n=lb&&lb.childNodes.length;if(!tb||!lb||tb.childNodes.length<n)throw 0;`,
    `while(tb.childNodes.length>n)lb.appendChild(tb.childNodes[n]);`,
    `for(var ta=tb,la=lb;ta!==c;ta=ta.parentNode,la=la.parentNode)while(ta.nextSibling)la.parentNode.appendChild(ta.nextSibling)}`,
    `function onScreen(root){return shown&&root&&root.firstElementChild===shown}`,
    `p.ready=fetch('assets/'+f).then(function(r){return r.ok?read(r):null}).then(function(h){var root=document.getElementById('root');`,
    `if(h&&onScreen(root))try{rest(root,h)}catch(e){root.innerHTML=h}else if(h&&root&&root.querySelector('.boot-failed'))root.innerHTML=h;`,
    `else if(!h&&onScreen(root))root.appendChild(kept);p.html=h;return h})['catch'](function(){var root=document.getElementById('root');`,
    `if(onScreen(root))root.appendChild(kept);return null});})();`,
  ].join('');
}
