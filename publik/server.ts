/**
 * Serves a built public site under a path prefix (the workbench's /publik/), as any static web
 * server would: GET and HEAD only, a directory gives its index.html, nothing outside the site.
 */
import { createReadStream, existsSync, statSync } from 'fs';
import type { IncomingMessage, ServerResponse } from 'http';
import { extname, join, normalize, sep } from 'path';

const TYPER: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/rss+xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
};

/**
 * A request handler for the site in `katalog` under `prefix`; answers true when it handled the
 * request (the workbench's `extra` handler contract), false for every other path.
 */
export function publikHanterare(katalog: string, prefix = '/publik/'): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const metod = req.method ?? 'GET';
    let sokvag: string;
    try {
      sokvag = decodeURIComponent(new URL(req.url ?? '/', 'http://publik').pathname);
    } catch {
      return false;
    }
    if (sokvag === prefix.replace(/\/$/, '')) {
      res.writeHead(301, { Location: prefix });
      res.end();
      return true;
    }
    if (!sokvag.startsWith(prefix) || (metod !== 'GET' && metod !== 'HEAD')) return false;
    const rot = normalize(katalog);
    let fil = normalize(join(rot, sokvag.slice(prefix.length)));
    // `..` in the URL must never reach a file outside the site.
    if (fil !== rot && !fil.startsWith(rot.endsWith(sep) ? rot : rot + sep)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Finns inte.');
      return true;
    }
    if (existsSync(fil) && statSync(fil).isDirectory()) fil = join(fil, 'index.html');
    if (!existsSync(fil) || !statSync(fil).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(existsSync(katalog) ? 'Finns inte.' : 'Den publika webbplatsen är inte byggd ännu: npm run public-site -- --emulator --out <katalog>.');
      return true;
    }
    res.writeHead(200, { 'Content-Type': TYPER[extname(fil).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    if (metod === 'HEAD') res.end();
    else createReadStream(fil).pipe(res);
    return true;
  };
}
