/**
 * JSON batching (`POST /v1.0/$batch`): up to 20 requests, each run through the emulator's own
 * handler, so authentication, throttling and unknown-request handling apply per request, as Graph
 * evaluates each request of a batch on its own. `dependsOn` orders requests; a request whose
 * dependency failed is not run and gets 424. Graph takes only three shapes of dependencies (the
 * known issue the Graph SDKs validate against): none at all, one chain where each request depends
 * on the one before, or every dependent request depending on the same one; anything else is 400.
 */
import { Emulator, graphFel, IForfragan } from '../core';
import { graphSvar, GRAPH_VERSION, inloggad, lasKropp } from './odata';

export const BATCH_GRANS = 20;

interface IDelfraga {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

export interface IDelsvar {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

function felaktig(meddelande: string): Response {
  return graphFel(400, 'BadRequest', meddelande);
}

/** Validates the batch as Graph does before running anything; a bad batch fails as a whole. */
function lasDelfragor(kropp: Record<string, unknown>): IDelfraga[] | Response {
  const fragor = kropp.requests;
  if (!Array.isArray(fragor) || fragor.length === 0) {
    return felaktig('Invalid batch payload format.');
  }
  if (fragor.length > BATCH_GRANS) {
    return felaktig(`The batch request contains ${fragor.length} requests; the limit is ${BATCH_GRANS}.`);
  }
  const ut: IDelfraga[] = [];
  const sedda = new Set<string>();
  for (const post of fragor as Array<Record<string, unknown>>) {
    const id = post?.id;
    if (typeof id !== 'string' || id === '' || typeof post.method !== 'string' || typeof post.url !== 'string') {
      return felaktig('Invalid batch payload format.');
    }
    // Ids are not case-sensitive and must be unique (json-batching).
    if (sedda.has(id.toLowerCase())) {
      return felaktig(`Request id '${id}' is duplicated in the batch.`);
    }
    sedda.add(id.toLowerCase());
    if (/^https?:/i.test(post.url)) {
      return felaktig(`The url of request id '${id}' must be relative.`);
    }
    const huvuden: Record<string, string> = {};
    if (post.headers && typeof post.headers === 'object') {
      for (const [k, v] of Object.entries(post.headers as Record<string, unknown>)) {
        huvuden[k] = String(v);
      }
    }
    if (post.body !== undefined && !Object.keys(huvuden).some((k) => k.toLowerCase() === 'content-type')) {
      return felaktig(`Write request id : ${id} does not contain Content-Type header or body.`);
    }
    const dependsOn = Array.isArray(post.dependsOn) ? post.dependsOn.map(String) : [];
    ut.push({ id, method: post.method.toUpperCase(), url: post.url, headers: huvuden, body: post.body, dependsOn });
  }
  const kanda = new Set(ut.map((d) => d.id.toLowerCase()));
  for (const d of ut) {
    for (const beroende of d.dependsOn) {
      if (!kanda.has(beroende.toLowerCase()) || beroende.toLowerCase() === d.id.toLowerCase()) {
        return felaktig(`Request id '${d.id}' depends on '${beroende}', which is not a request of this batch.`);
      }
    }
  }
  return ut;
}

async function tillDelsvar(id: string, svar: Response): Promise<IDelsvar> {
  const huvuden: Record<string, string> = {};
  svar.headers.forEach((v, k) => {
    // Graph spells the headers it returns in a batch the usual way (Retry-After, Content-Type).
    const namn = k.split('-').map((d) => (d === 'odata' ? 'OData' : d === 'www' ? 'WWW' : d.charAt(0).toUpperCase() + d.slice(1))).join('-');
    huvuden[namn] = v;
  });
  const text = svar.status === 204 || svar.status === 202 ? '' : await svar.text();
  const delsvar: IDelsvar = { id, status: svar.status, headers: huvuden };
  if (text !== '') {
    try {
      delsvar.body = JSON.parse(text);
    } catch {
      delsvar.body = text;
    }
  }
  return delsvar;
}

export function registreraBatch(emulator: Emulator): void {
  emulator.rutt('POST', /^\/v1\.0\/\$batch$/i, async (f: IForfragan) => {
    inloggad(emulator, f);
    const delfragor = lasDelfragor(await lasKropp(f));
    if (delfragor instanceof Response) {
      return delfragor;
    }
    if (harCykel(delfragor)) {
      return felaktig('The dependsOn of the batch requests form a cycle.');
    }
    if (!tillatenForm(delfragor)) {
      return felaktig('Batch should be either fully sequential or fully parallel.');
    }
    const auth = f.req.headers.get('Authorization') ?? '';
    const klara = new Map<string, IDelsvar>();
    const pagaende = new Map<string, Promise<IDelsvar>>();

    const kor = (d: IDelfraga): Promise<IDelsvar> => {
      const nyckel = d.id.toLowerCase();
      const redan = pagaende.get(nyckel);
      if (redan) return redan;
      const arbete = (async (): Promise<IDelsvar> => {
        for (const beroende of d.dependsOn) {
          const forst = delfragor.find((x) => x.id.toLowerCase() === beroende.toLowerCase()) as IDelfraga;
          const svar = await kor(forst);
          if (svar.status >= 400) {
            return tillDelsvar(d.id, graphFel(424, 'FailedDependency', `The request depends on request '${forst.id}', which failed with status ${svar.status}.`));
          }
        }
        if (/^\/?\$batch/i.test(d.url)) {
          return tillDelsvar(d.id, felaktig('A batch request cannot contain another batch request.'));
        }
        // A GET carries no body on the wire, whatever the batch item says.
        const kropp = d.body === undefined || d.method === 'GET' || d.method === 'HEAD'
          ? undefined
          : typeof d.body === 'string' ? d.body : JSON.stringify(d.body);
        const url = `${f.url.origin}${GRAPH_VERSION}${d.url.startsWith('/') ? '' : '/'}${d.url}`;
        let fraga: Request;
        try {
          const huvuden = new Headers(d.headers);
          // Every request of a batch runs as the caller of the batch.
          huvuden.set('Authorization', auth);
          fraga = new Request(url, { method: d.method, headers: huvuden, body: kropp });
        } catch {
          return tillDelsvar(d.id, felaktig(`Request id '${d.id}' is not a valid HTTP request.`));
        }
        return tillDelsvar(d.id, await emulator.handle(fraga));
      })();
      pagaende.set(nyckel, arbete);
      return arbete;
    };

    // In the order given, one at a time (so a throttling run replays the same way); dependencies first.
    for (const d of delfragor) {
      klara.set(d.id, await kor(d));
    }
    return graphSvar({ responses: delfragor.map((d) => klara.get(d.id)) });
  });
}

/** Parallel (no dependsOn), sequential (each on the one before), or all dependents on one and the same request. */
function tillatenForm(delfragor: IDelfraga[]): boolean {
  const beroende = delfragor.filter((d) => d.dependsOn.length > 0);
  if (beroende.length === 0) return true;
  if (beroende.some((d) => d.dependsOn.length > 1)) return false;
  const sekventiell = delfragor.every((d, i) => (i === 0 ? d.dependsOn.length === 0 : d.dependsOn[0]?.toLowerCase() === delfragor[i - 1].id.toLowerCase()));
  const sammaBeroende = new Set(beroende.map((d) => d.dependsOn[0].toLowerCase())).size === 1;
  return sekventiell || sammaBeroende;
}

function harCykel(delfragor: IDelfraga[]): boolean {
  const beroenden = new Map(delfragor.map((d) => [d.id.toLowerCase(), d.dependsOn.map((b) => b.toLowerCase())]));
  const status = new Map<string, 'besokt' | 'klar'>();
  const besok = (id: string): boolean => {
    if (status.get(id) === 'klar') return false;
    if (status.get(id) === 'besokt') return true;
    status.set(id, 'besokt');
    for (const b of beroenden.get(id) ?? []) {
      if (besok(b)) return true;
    }
    status.set(id, 'klar');
    return false;
  };
  return Array.from(beroenden.keys()).some(besok);
}
