// @vitest-environment jsdom
/**
 * renderer/api.ts over HTTP against a real browser host: failed calls reach the UI as the host's
 * own message, whatever the status (400, 413, 401), never as a generic "HTTP 400" error.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EarmarkApi } from '../../shared/api';
import type { ApiError as ApiErrorClass } from '../../renderer/api';
import { startHost, type RunningHost } from '../../electron/host/host';
import { tempDir, unusedPort } from '../unit/host/helpers';

let host: RunningHost;
let cleanup: () => void;
let sendCookie = true;
let api: EarmarkApi;
let ApiError: typeof ApiErrorClass;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  const temp = tempDir('earmark-http-transport-');
  cleanup = temp.remove;
  host = await startHost({
    dataDir: path.join(temp.dir, 'data'),
    rendererDir: path.join(temp.dir, 'renderer'),
    feedUrl: `http://127.0.0.1:${await unusedPort()}/feed.xml`,
    log: () => {},
  });
  // The page's fetch('/api/…') goes to the host, with the cookie a browser would hold.
  vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) =>
    realFetch(`${host.origin}${input}`, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        ...(sendCookie ? { Cookie: `earmark_token_${host.port}=${host.token}` } : {}),
      },
    }),
  );
  delete window.earmark;
  vi.resetModules(); // api.ts picks its transport at import time: HTTP without window.earmark.
  ({ api, ApiError } = await import('../../renderer/api'));
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await host?.close();
  cleanup?.();
});

describe('the HTTP transport', () => {
  it('returns the value of a call that worked', async () => {
    expect(Array.isArray(await api.listFeeds({}))).toBe(true);
  });

  it("shows the schema's message for input the host refuses with 400", async () => {
    const failure = api.subscribe({ url: 'file:///etc/passwd' });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('Only http and https feeds are supported'),
    });
  });

  it("shows the host's message for a body it refuses with 413", async () => {
    const tooLarge = api.listFeeds({ pad: 'x'.repeat(1024 * 1024) } as never);
    await expect(tooLarge).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'The request is larger than 1 MB, the limit for listFeeds.',
    });
  });

  it("shows the host's plain-text answer when the access cookie is gone (401)", async () => {
    sendCookie = false;
    try {
      await expect(api.listFeeds({})).rejects.toMatchObject({
        code: 'failed',
        message: 'Open the link Earmark printed (it carries the access token)',
      });
    } finally {
      sendCookie = true;
    }
  });
});
