// @ts-check
/**
 * A tiny static file server for dist/: node:http only, bound to 127.0.0.1 on a free port. The site
 * uses hash routes and a relative base, so every request maps straight to a file; anything else
 * is a 404 (no SPA fallback needed, and a missing chunk must fail loudly rather than return HTML).
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @type {Readonly<Record<string, string>>} */
export const CONTENT_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
});

/**
 * @param {string} filePath
 * @returns {string}
 */
export function contentTypeFor(filePath) {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Throws unless `dir` holds a built site.
 * @param {string} dir
 */
export function assertBuilt(dir) {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${join(dir, 'index.html')} is missing — run npm run build first`);
  }
}

/** Types a static host compresses: text. Fonts and images are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

/**
 * Serves `root` (normally dist/) on http://127.0.0.1:<free port>/. With `gzip`, text files go out
 * gzipped to a browser that accepts it, as any static host sends them: the load bench's emulated
 * slow connection then carries the bytes a reader's phone would receive.
 * @param {string} root
 * @param {{ gzip?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, root: string, close: () => Promise<void> }>}
 */
export async function startStaticServer(root, { gzip = false } = {}) {
  const rootDir = resolve(root);
  assertBuilt(rootDir);
  /** @type {Map<string, Buffer>} */
  const gzipped = new Map();

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
        res.end('method not allowed\n');
        return;
      }
      /** @type {string} */
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('bad request\n');
        return;
      }
      if (pathname.endsWith('/')) pathname += 'index.html';
      const filePath = resolve(join(rootDir, pathname));
      if (filePath !== rootDir && !filePath.startsWith(rootDir + sep)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('forbidden\n');
        return;
      }
      try {
        const info = await stat(filePath);
        if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
        const type = contentTypeFor(filePath);
        let body = await readFile(filePath);
        /** @type {Record<string, string>} */
        const encoding = {};
        if (gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
          const packed = gzipped.get(filePath) ?? gzipSync(body, { level: 6 });
          gzipped.set(filePath, packed);
          body = packed;
          encoding['content-encoding'] = 'gzip';
          encoding.vary = 'accept-encoding';
        }
        res.writeHead(200, {
          'content-type': type,
          'content-length': body.length,
          'cache-control': 'no-store',
          ...encoding,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`not found: ${pathname}\n`);
      }
    })();
  });

  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server has no TCP address');
  const port = address.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    root: rootDir,
    close: () =>
      new Promise((resolveClose, rejectClose) => {
        server.closeAllConnections();
        server.close((error) => (error ? rejectClose(error) : resolveClose(undefined)));
      }),
  };
}
