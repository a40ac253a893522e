/** Serves an Emulator (and optionally more routes) over loopback HTTP. */
import * as http from 'http';
import { AddressInfo } from 'net';
import { Emulator } from './core';

export type ExtraHanterare = (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>;

export interface IStartadServer {
  url: string;
  port: number;
  stang: () => Promise<void>;
}

function lasKropp(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const delar: Buffer[] = [];
    req.on('data', (d: Buffer) => delar.push(d));
    req.on('end', () => resolve(Buffer.concat(delar)));
    req.on('error', reject);
  });
}

export async function startaServer(emulator: Emulator, port = 0, extra?: ExtraHanterare): Promise<IStartadServer> {
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        if (extra && await extra(req, res)) {
          return;
        }
        const kropp = req.method === 'GET' || req.method === 'HEAD' ? undefined : await lasKropp(req);
        const huvuden = new Headers();
        for (const [namn, varde] of Object.entries(req.headers)) {
          if (typeof varde === 'string') huvuden.set(namn, varde);
          else if (Array.isArray(varde)) huvuden.set(namn, varde.join(', '));
        }
        const svar = await emulator.handle(new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
          method: req.method,
          headers: huvuden,
          body: kropp && kropp.length > 0 ? kropp : undefined
        }));
        const utHuvuden: Record<string, string> = {};
        svar.headers.forEach((v, k) => { utHuvuden[k] = v; });
        res.writeHead(svar.status, utHuvuden);
        res.end(Buffer.from(await svar.arrayBuffer()));
      } catch (fel) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`Emulatorfel: ${(fel as Error).stack ?? String(fel)}`);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const faktiskPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${faktiskPort}`,
    port: faktiskPort,
    stang: () => new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    })
  };
}
