import { describe, expect, it } from 'vitest';
import { parseRangeHeader, planRange } from '../../../electron/core/media/range.js';

const file = { size: 1000, contentType: 'audio/mpeg' };
const get = (range?: string, extra: { method?: string; ifRange?: string } = {}) =>
  planRange({ method: extra.method ?? 'GET', range, ifRange: extra.ifRange }, file);

describe('planRange', () => {
  it('sends the whole file without Range, always advertising Accept-Ranges', () => {
    expect(get()).toEqual({
      status: 200,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Type': 'audio/mpeg', 'Content-Length': '1000' },
      body: { start: 0, end: 999 },
    });
  });

  it.each([
    ['bytes=0-', 0, 999],
    ['bytes=100-', 100, 999],
    ['bytes=-300', 700, 999],
    ['bytes=-5000', 0, 999],
    ['bytes=10-19', 10, 19],
    ['bytes=990-5000', 990, 999],
    ['bytes=999-999', 999, 999],
    ['BYTES = 5-6', 5, 6],
  ])('%s → 206 for bytes %i-%i', (range, start, end) => {
    const plan = get(range);
    expect(plan.status).toBe(206);
    expect(plan.body).toEqual({ start, end });
    expect(plan.headers['Content-Range']).toBe(`bytes ${start}-${end}/1000`);
    expect(plan.headers['Content-Length']).toBe(String(end - start + 1));
    expect(plan.headers['Accept-Ranges']).toBe('bytes');
  });

  it.each(['bytes=1000-', 'bytes=5000-6000', 'bytes=-0', 'bytes=1000-1001,2000-'])(
    '%s → 416 with bytes */size',
    (range) => {
      const plan = get(range);
      expect(plan.status).toBe(416);
      expect(plan.headers['Content-Range']).toBe('bytes */1000');
      expect(plan.body).toBeUndefined();
    },
  );

  it('answers several ranges with the first satisfiable one', () => {
    expect(get('bytes=0-9,20-29').body).toEqual({ start: 0, end: 9 });
    expect(get('bytes=5000-,20-29').body).toEqual({ start: 20, end: 29 });
    expect(get('bytes=0-9, ,20-29').body).toEqual({ start: 0, end: 9 });
  });

  it.each(['items=0-1', 'bytes=abc', 'bytes=20-10', 'bytes=-', 'bytes=', 'bytes=1-2-3'])(
    'ignores a malformed Range (%s) and sends the whole file',
    (range) => expect(get(range)).toMatchObject({ status: 200, body: { start: 0, end: 999 } }),
  );

  it('answers HEAD with the same status and headers but no body', () => {
    expect(get(undefined, { method: 'HEAD' })).toMatchObject({ status: 200, body: undefined });
    const partial = get('bytes=10-19', { method: 'HEAD' });
    expect(partial).toMatchObject({ status: 206, body: undefined });
    expect(partial.headers['Content-Length']).toBe('10');
  });

  it('refuses other methods', () => {
    expect(get(undefined, { method: 'POST' })).toMatchObject({ status: 405, headers: { Allow: 'GET, HEAD' } });
  });

  it('handles an empty file', () => {
    const empty = { size: 0, contentType: 'audio/mpeg' };
    expect(planRange({ method: 'GET' }, empty)).toMatchObject({ status: 200, body: undefined });
    expect(planRange({ method: 'GET', range: 'bytes=0-' }, empty).status).toBe(416);
  });

  it('honours If-Range: a stale validator gets the whole file', () => {
    const dated = { ...file, mtimeMs: Date.UTC(2025, 0, 1, 12, 0, 0, 500) };
    const fresh = planRange({ method: 'GET', range: 'bytes=10-' }, dated);
    expect(fresh.headers.ETag).toMatch(/^"3e8-[0-9a-f]+"$/);
    expect(fresh.headers['Last-Modified']).toBe('Wed, 01 Jan 2025 12:00:00 GMT');
    const etag = fresh.headers.ETag;
    expect(planRange({ method: 'GET', range: 'bytes=10-', ifRange: etag }, dated).status).toBe(206);
    expect(
      planRange({ method: 'GET', range: 'bytes=10-', ifRange: 'Wed, 01 Jan 2025 12:00:00 GMT' }, dated).status,
    ).toBe(206);
    expect(planRange({ method: 'GET', range: 'bytes=10-', ifRange: '"other"' }, dated).status).toBe(200);
  });

  it('survives absurd numbers', () => {
    expect(get('bytes=99999999999999999999999-').status).toBe(416);
    expect(parseRangeHeader('bytes=0-99999999999999999999999')).toEqual([{ first: 0, last: Number.MAX_SAFE_INTEGER }]);
  });
});
