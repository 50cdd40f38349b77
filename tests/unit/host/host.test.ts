import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api.js';
import { startHost, type RunningHost } from '../../../electron/host/host.js';
import { send, tempDir, unusedPort } from './helpers.js';

const SECRET = 'secret-outside-renderer';

let host: RunningHost;
let cleanup: () => void;
let cookie: string;

beforeAll(async () => {
  const temp = tempDir('earmark-host-');
  cleanup = temp.remove;
  // <temp>/package.json sits beside the renderer folder: the traversal target.
  writeFileSync(path.join(temp.dir, 'package.json'), JSON.stringify({ name: SECRET }));
  const rendererDir = path.join(temp.dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Earmark</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  host = await startHost({
    dataDir: path.join(temp.dir, 'data'),
    rendererDir,
    feedUrl: `http://127.0.0.1:${await unusedPort()}/feed.xml`,
    log: () => {},
  });
  cookie = `earmark_token_${host.port}=${host.token}`;
});

afterAll(async () => {
  await host?.close();
  cleanup?.();
});

const api = (method: string, body: string, headers: Record<string, string> = {}) =>
  send(host.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers },
    body,
  });

describe('access token', () => {
  it('prints a loopback URL carrying a 43-character token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('trades the token for an HttpOnly, SameSite=Strict cookie and redirects without it', async () => {
    const reply = await send(host.port, { path: `/?token=${host.token}` });
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/');
    expect(reply.headers['set-cookie']).toEqual([
      `earmark_token_${host.port}=${host.token}; HttpOnly; SameSite=Strict; Path=/`,
    ]);
  });

  it('keeps other query parameters on the redirect', async () => {
    const reply = await send(host.port, { path: `/episode?token=${host.token}&id=7` });
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/episode?id=7');
  });

  it('refuses a wrong token', async () => {
    const reply = await send(host.port, { path: '/?token=nope' });
    expect(reply.status).toBe(401);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('answers 401 with a helpful message without the cookie', async () => {
    for (const reply of [
      await send(host.port, { path: '/' }),
      await send(host.port, { path: '/', headers: { Cookie: `earmark_token_${host.port}=wrong` } }),
      await send(host.port, {
        method: 'POST',
        path: '/api/listFeeds',
        headers: { 'Content-Type': 'application/json' },
      }),
    ]) {
      expect(reply.status).toBe(401);
      expect(reply.body).toBe('Open the link Earmark printed (it carries the access token)');
    }
  });

  it('accepts a request if any cookie of that name holds the token (a planted cookie cannot lock the user out)', async () => {
    // Another page on 127.0.0.1 can set earmark_token_<port>=x with Path=/api; browsers send the
    // longer path first, so the planted value comes before ours.
    const planted = `earmark_token_${host.port}=x`;
    for (const header of [`${planted}; ${cookie}`, `${cookie}; ${planted}`, `${planted}; other=1; ${cookie}`]) {
      expect((await send(host.port, { path: '/', headers: { Cookie: header } })).status).toBe(200);
      expect((await api('listFeeds', '{}', { Cookie: header })).status).toBe(200);
    }
    const onlyPlanted = await send(host.port, { path: '/', headers: { Cookie: `${planted}; ${planted}2` } });
    expect(onlyPlanted.status).toBe(401);
  });

  it.each([
    '//evil.example/',
    '//evil.example/path',
    '/\\evil.example/',
    '/\\/evil.example/',
    '/a/..//evil.example/',
    'http://evil.example/',
    'https://evil.example/x',
  ])('redirects %s?token=… only to its own origin', async (target) => {
    const reply = await send(host.port, { path: `${target}?token=${host.token}` });
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/');
  });

  it('keeps a same-origin path, normalised, on the redirect', async () => {
    const reply = await send(host.port, { path: `/a/../episode?id=7&token=${host.token}` });
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/episode?id=7');
  });

  it('serves the page with the cookie', async () => {
    const reply = await send(host.port, { path: '/', headers: { Cookie: `other=1; ${cookie}` } });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Earmark</title>');
  });
});

describe('Host and Origin checks', () => {
  it('answers 403 to a foreign Host header (DNS rebinding)', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`]) {
      const reply = await send(host.port, { path: `/?token=${host.token}`, headers: { Host: hostHeader } });
      expect(reply.status).toBe(403);
    }
  });

  it('accepts localhost:PORT', async () => {
    const reply = await send(host.port, { path: '/', headers: { Host: `localhost:${host.port}`, Cookie: cookie } });
    expect(reply.status).toBe(200);
  });

  it('answers 403 to a POST from another origin', async () => {
    const reply = await api('listFeeds', '{}', { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('accepts a POST from its own origin', async () => {
    const reply = await api('listFeeds', '{}', { Origin: host.origin });
    expect(reply.status).toBe(200);
  });
});

describe('API', () => {
  it('round-trips listFeeds', async () => {
    const reply = await api('listFeeds', '{}');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    const envelope = JSON.parse(reply.body);
    expect(envelope.ok).toBe(true);
    expect(Array.isArray(envelope.value)).toBe(true);
  });

  it('answers 400 with the invalid-input envelope for input the schema refuses', async () => {
    const reply = await api('subscribe', JSON.stringify({ url: 'file:///etc/passwd' }));
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('answers 400 with invalid-input for unparseable JSON', async () => {
    const reply = await api('listFeeds', '{nope');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('answers 415 to a POST that is not JSON', async () => {
    const reply = await api('listFeeds', '{}', { 'Content-Type': 'text/plain' });
    expect(reply.status).toBe(415);
  });

  it('answers 413 to a body over 1 MB for a method that declares no larger limit', async () => {
    const reply = await api('listFeeds', JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }));
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'The request is larger than 1 MB, the limit for listFeeds.' },
    });
  });

  it('accepts an importNotes body over 1 MB (its own export) and imports its notes', async () => {
    const at = new Date().toISOString();
    const notes = Array.from({ length: 12 }, (_, index) => ({
      id: `big-${index}`,
      episodeId: 'big-import-episode',
      at: index * 10,
      text: `"Quoted" line ${index}\n${'x'.repeat(99_000)}`,
      createdAt: at,
      updatedAt: at,
    }));
    const content = JSON.stringify({ format: 'earmark-notes', version: 1, exportedAt: at, notes }, null, 2);
    expect(content.length).toBeGreaterThan(1_100_000);
    const body = JSON.stringify({ content });

    const reply = await api('importNotes', body);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { added: 12, skipped: 0 } });
    const listed = JSON.parse((await api('listNotes', JSON.stringify({ episodeId: 'big-import-episode' }))).body);
    expect(listed.value).toHaveLength(12);
  });

  it("answers 413 to an importNotes body over that method's own limit", async () => {
    const limit = contract.importNotes.maxBodyBytes;
    expect(limit).toBeGreaterThanOrEqual(50_000_000);
    // The declared length is refused before any of the body is read, so none needs sending.
    const reply = await api('importNotes', '', { 'Content-Length': String(limit + 1) });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.message).toMatch(
      /^The request is larger than \d+ MB, the limit for importNotes\.$/,
    );
  });

  it('returns the unknown-method envelope with 404', async () => {
    for (const name of ['dropDatabase', 'constructor', '__proto__']) {
      const reply = await api(name, '{}');
      expect(reply.status).toBe(404);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('allows only POST on API methods', async () => {
    const reply = await send(host.port, { path: '/api/listFeeds', headers: { Cookie: cookie } });
    expect(reply.status).toBe(405);
  });
});

describe('events', () => {
  it('streams app events as Server-Sent Events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${host.port}`, Cookie: cookie },
        },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes(': connected')) void api('refreshFeeds', '{}');
            const match = /event: syncResult\ndata: (.*)\n\n/.exec(text);
            if (match?.[1]) {
              req.destroy();
              resolve(match[1]);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    const payload = JSON.parse(await received);
    expect(payload).toMatchObject({ ok: false });
    expect(typeof payload.feedId).toBe('string');
  });
});

describe('static files', () => {
  it('serves index.html for / with no-store, CSP and nosniff', async () => {
    const reply = await send(host.port, { path: '/', headers: { Cookie: cookie } });
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('serves assets with their content type', async () => {
    const reply = await send(host.port, { path: '/assets/app.js', headers: { Cookie: cookie } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.body).toBe('console.log(1);');
  });

  it('answers 404 for a missing asset', async () => {
    const reply = await send(host.port, { path: '/assets/missing.js', headers: { Cookie: cookie } });
    expect(reply.status).toBe(404);
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/..%2fpackage.json',
    '/..%5cpackage.json',
    '/assets/../../package.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/..\\package.json',
    '/%00/package.json',
    '/%zz',
  ])('refuses the traversal attempt %s', async (attempt) => {
    const reply = await send(host.port, { path: attempt, headers: { Cookie: cookie } });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(reply.body).not.toContain(SECRET);
  });
});

describe('without a built renderer', () => {
  it('says to run the build', async () => {
    const temp = tempDir('earmark-host-empty-');
    const bare = await startHost({
      dataDir: path.join(temp.dir, 'data'),
      rendererDir: path.join(temp.dir, 'renderer'),
      feedUrl: `http://127.0.0.1:${await unusedPort()}/feed.xml`,
      log: () => {},
    });
    try {
      const reply = await send(bare.port, {
        path: '/',
        headers: { Cookie: `earmark_token_${bare.port}=${bare.token}` },
      });
      expect(reply.status).toBe(503);
      expect(reply.body).toContain('Run npm run build first');
    } finally {
      await bare.close();
      temp.remove();
    }
  });
});

describe('shutdown', () => {
  it('ends open event streams and stops listening', async () => {
    const temp = tempDir('earmark-host-close-');
    const running = await startHost({
      dataDir: path.join(temp.dir, 'data'),
      rendererDir: path.join(temp.dir, 'renderer'),
      feedUrl: `http://127.0.0.1:${await unusedPort()}/feed.xml`,
      log: () => {},
    });
    const ended = new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: running.port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${running.port}`, Cookie: `earmark_token_${running.port}=${running.token}` },
        },
        (res) => {
          res.resume();
          res.on('end', resolve);
          void running.close();
        },
      );
      req.on('error', reject);
      req.end();
    });
    await ended;
    await running.close();
    await expect(send(running.port, { path: '/' })).rejects.toThrow();
    temp.remove();
  });
});
