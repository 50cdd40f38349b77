/**
 * systemFetch (Electron's net as fetch) against a real server on 127.0.0.1, with `net` from the
 * recording fake (tests/support/fake-electron): node:http underneath, with Electron's ClientRequest
 * behaviour on top (manual redirects as a 'redirect' event, header values decoded as UTF-8).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemFetch, type NetModule } from '../../../electron/system-fetch.js';
// @ts-expect-error -- plain JavaScript test support, no types
import * as fakeElectron from '../../support/fake-electron/electron.mjs';

type Route = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Route>();
let server: Server;
let origin: string;
const seen: IncomingMessage[] = [];
const fake = fakeElectron as { net: NetModule; emitReady(): void; netLog: { options: Record<string, unknown> }[] };
const fetchViaNet = systemFetch(fake.net);
/** "第1回.mp3" as its UTF-8 bytes on the wire (node:http writes header strings as Latin-1). */
const wireName = Buffer.from('attachment; filename="第1回.mp3"', 'utf8').toString('latin1');

beforeAll(async () => {
  fake.emitReady();
  server = createServer((req, res) => {
    seen.push(req);
    const route = routes.get(req.url ?? '');
    if (route) route(req, res);
    else res.writeHead(404).end('no route');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  routes.set('/moved', (_req, res) => res.writeHead(301, { Location: '/feed', 'Content-Disposition': wireName }).end());
  routes.set('/feed', (_req, res) => res.writeHead(200, { 'Content-Type': 'text/xml' }).end('<rss/>'));
  routes.set('/named', (_req, res) => res.writeHead(200, { 'Content-Disposition': wireName }).end('audio'));
  routes.set('/silent', () => {});
  routes.set('/trickle', (_req, res) => res.writeHead(200, { 'Content-Length': '1000' }).write('partial'));
  routes.set('/range', (req, res) => res.writeHead(206, { 'Content-Range': `${req.headers.range}/10` }).end('xx'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('systemFetch', () => {
  it('answers a manual redirect with the 3xx and its absolute Location, as Node’s fetch does', async () => {
    const response = await fetchViaNet(`${origin}/moved`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`${origin}/feed`);
    expect(await response.text()).toBe('');
  });

  it('follows redirects by itself otherwise', async () => {
    const response = await fetchViaNet(`${origin}/moved`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<rss/>');
  });

  it('keeps a header that is not Latin-1 as the bytes that came over the wire, instead of hanging', async () => {
    const response = await fetchViaNet(`${origin}/named`);
    expect(response.headers.get('content-disposition')).toBe(wireName);
    expect(await response.text()).toBe('audio');
    const redirect = await fetchViaNet(`${origin}/moved`, { redirect: 'manual' });
    expect(redirect.headers.get('content-disposition')).toBe(wireName);
  });

  it('passes request headers through and asks Chromium for no cache and no cookies', async () => {
    const response = await fetchViaNet(`${origin}/range`, { headers: { Range: 'bytes=2-3' } });
    expect(response.status).toBe(206);
    expect(seen.at(-1)?.headers.range).toBe('bytes=2-3');
    expect(fake.netLog.at(-1)?.options).toMatchObject({ cache: 'no-store', credentials: 'omit', method: 'GET' });
  });

  it('rejects with the abort reason when aborted before an answer, and the body fails when aborted while reading', async () => {
    const waiting = new AbortController();
    const pending = fetchViaNet(`${origin}/silent`, { signal: waiting.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    waiting.abort(new Error('closing'));
    await expect(pending).rejects.toThrow('closing');

    const reading = new AbortController();
    const response = await fetchViaNet(`${origin}/trickle`, { signal: reading.signal });
    const text = response.text();
    reading.abort(new Error('stop reading'));
    await expect(text).rejects.toThrow();
  });

  it('refuses a request with a body (Earmark only GETs)', async () => {
    await expect(fetchViaNet(`${origin}/feed`, { method: 'POST', body: 'x' })).rejects.toThrow(/no request bodies/);
  });
});
