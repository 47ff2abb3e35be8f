import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/**
 * Text a static host compresses on the fly when the browser accepts it (nginx's `gzip on`, GitHub Pages,
 * Netlify and Cloudflare all do). Pagefind's own files (.pf_*, wasm.*.pagefind) are gzip already and are
 * sent as they are, as those hosts do with unknown types.
 */
const COMPRESSED_TYPES = new Set(['.html', '.js', '.css', '.json', '.svg']);

/**
 * Serves a built site under its base path on 127.0.0.1, as a plain static host would (no rewrites; text
 * gzip-compressed for a browser that accepts it, so that the search bytes bench counts what a reader fetches).
 */
export async function serveStatic(root: string, base: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file: string | undefined;
    if (pathname.startsWith(base)) {
      const candidate = path.join(root, pathname.slice(base.length));
      if (!path.relative(root, candidate).startsWith('..')) {
        file = existsSync(candidate) && statSync(candidate).isDirectory() ? path.join(candidate, 'index.html') : candidate;
      }
    }
    if (!file || !existsSync(file)) {
      response.writeHead(404, { 'content-type': types['.html']! });
      createReadStream(path.join(root, '404.html')).pipe(response);
      return;
    }
    const type = types[path.extname(file)] ?? 'application/octet-stream';
    if (COMPRESSED_TYPES.has(path.extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
      createReadStream(file).pipe(createGzip()).pipe(response);
      return;
    }
    response.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
