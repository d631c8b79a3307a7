#!/usr/bin/env node
/**
 * Serves a built site folder over HTTP on 127.0.0.1, as a static host would: directory
 * indexes, the right content types, 404.html for misses, and the configured base path.
 * Usage: node scripts/serve.mjs [folder=dist] [port=4321]
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** Text types a static host (GitHub Pages, Netlify, …) sends gzip-compressed. */
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt', '.webmanifest']);

/**
 * Starts a server; resolves with `{ server, url }` once it listens. `gzip: true` compresses
 * text responses when the client accepts it, as production hosts do (benchmarks use it).
 */
export function serve({ root = 'dist', port = 4321, host = '127.0.0.1', base = process.env.AFM_BASE ?? '/', gzip = false } = {}) {
  const folder = resolve(root);
  const prefix = base.replace(/\/?$/, '/');
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (!path.startsWith(prefix)) return send404(res, folder);
      path = '/' + path.slice(prefix.length);
      let file = normalize(join(folder, path));
      if (!file.startsWith(folder)) return send404(res, folder);
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { location: url.pathname + '/' + url.search });
          return res.end();
        }
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) return send404(res, folder);
      const compress = gzip && compressible.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        ...(compress ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : { 'content-length': info.size }),
        // Like most static hosts: revalidate HTML and the service worker, cache hashed assets.
        'cache-control': /\/_astro\//.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      if (req.method === 'HEAD') return res.end();
      if (compress) createReadStream(file).pipe(createGzip()).pipe(res);
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(500).end('Internal error');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({ server, url: `http://${host}:${actualPort}${prefix}` });
    });
  });
}

async function send404(res, folder) {
  const page = join(folder, '404.html');
  const info = await stat(page).catch(() => null);
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  if (info) createReadStream(page).pipe(res);
  else res.end('Not found');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', port = '4321'] = process.argv.slice(2);
  const { url } = await serve({ root, port: Number(port) });
  console.log(`AI Math Foundations is being served at ${url}  (Ctrl+C to stop)`);
}
