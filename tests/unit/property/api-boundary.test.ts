/**
 * Property tests of the API boundary (shared/api.ts + electron/core/dispatch.ts) through a real app:
 * whatever a transport hands over (any method name, any value as input), app.call resolves to an
 * Envelope and never throws or rejects; a refusal names the right code; and a call refused as
 * invalid-input or unknown-method leaves every file in the data folder as it was, byte for byte.
 *
 * Nothing reaches the internet: the app's one HTTP client only lets requests to 127.0.0.1 through (a
 * local feed server and a closed port); anything else fails at once as a refused connection. So
 * subscribe, refreshFeeds and importOpml are called with valid inputs too: a valid URL elsewhere fails
 * like an offline machine, fast. app.start() is never called, so no download runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import './seed.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, isMethodName, methodNames, type Envelope, type MethodName } from '../../../shared/api.js';
import type { EpisodeWithState, Note } from '../../../shared/types.js';
import { createApp, type EarmarkApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { closedPortUrl, FeedServer, rss } from '../feeds/feed-server.js';
import { filesUnder, localOnlyFetch } from './support.js';

const errorCodes = ['invalid-input', 'unknown-method', 'not-found', 'failed', 'internal'];

function expectSameFiles(before: Map<string, Buffer>, after: Map<string, Buffer>, what: string): void {
  expect([...after.keys()].sort(), what).toEqual([...before.keys()].sort());
  for (const [name, bytes] of before) {
    expect(after.get(name)?.equals(bytes), `${name} changed after ${what}`).toBe(true);
  }
}

/** An Envelope as the transports carry it, checked field by field. */
function expectEnvelope(envelope: unknown): asserts envelope is Envelope<unknown> {
  expect(envelope).toBeTypeOf('object');
  expect(envelope).not.toBeNull();
  const { ok } = envelope as { ok: unknown };
  expect(typeof ok).toBe('boolean');
  if (ok) {
    expect(Object.keys(envelope as object).sort()).toEqual(['ok', 'value']);
    expect((envelope as { value: unknown }).value).not.toBeUndefined();
    // It crosses IPC or HTTP as JSON.
    expect(() => JSON.stringify(envelope)).not.toThrow();
  } else {
    expect(Object.keys(envelope as object).sort()).toEqual(['error', 'ok']);
    const { error } = envelope as { error: { code: unknown; message: unknown } };
    expect(Object.keys(error).sort()).toEqual(['code', 'message']);
    expect(errorCodes).toContain(error.code);
    expect(typeof error.message).toBe('string');
    expect((error.message as string).trim().length).toBeGreaterThan(0);
  }
}

/** What the contract says about (method, input): unknown method, refused input, or a call a handler gets. */
function expectedOutcome(method: unknown, input: unknown): 'unknown-method' | 'invalid-input' | 'handled' {
  if (!isMethodName(method)) return 'unknown-method';
  return contract[method].input.safeParse(input ?? {}).success ? 'handled' : 'invalid-input';
}

// ---- a library to call into ----

interface Library {
  app: EarmarkApp;
  dataDir: string;
  server: FeedServer;
  /** Values a handler would find: ids, URLs, file contents. */
  known: string[];
  internalErrors: unknown[];
}

/** A real app on a temp folder with a show, notes, a queue, a position and settings. */
async function openLibrary(): Promise<Library> {
  const server = new FeedServer();
  await server.start();
  const items = ['a', 'b', 'c', 'd'].map((guid) => ({
    guid: `guid-${guid}`,
    title: `Episode ${guid}`,
    notes: `0:00 Intro<br>1:38 Part ${guid}<br>7:50 Summary`,
  }));
  server.routes.set('/feed.xml', (res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items)),
  );
  server.routes.set('/other.xml', (res) => res.writeHead(200).end(rss(items.slice(0, 1))));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-prop-api-'));
  const internalErrors: unknown[] = [];
  const app = createApp({
    dataDir,
    storeFactory: confStoreFactory,
    defaultFeedUrl: await closedPortUrl(),
    fetch: localOnlyFetch,
    feedTimeoutMs: 2000,
    log: (error) => internalErrors.push(error),
  });
  const call = async (method: MethodName, input: object) => {
    const envelope = await app.call(method, input);
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
    return envelope.value;
  };
  const feedUrl = server.url('/feed.xml');
  await call('subscribe', { url: feedUrl });
  const episodes = (await call('listEpisodes', {})) as EpisodeWithState[];
  const [first, second] = episodes;
  if (!first || !second) throw new Error('the seed feed has no episodes');
  const note = (await call('addNote', { episodeId: first.id, at: 12, text: 'a note' })) as Note;
  const deleted = (await call('addNote', { episodeId: second.id, at: 30, text: 'gone' })) as Note;
  await call('deleteNote', { id: deleted.id });
  await call('addToQueue', { episodeId: second.id });
  await call('setEpisodeState', { id: first.id, position: 42 });
  await call('updateSettings', { theme: 'dark', speedByFeed: { [first.feedId]: 1.5 } });
  const notesExport = (await call('exportNotes', { format: 'json' })) as { content: string };
  const opml = (await call('exportOpml', {})) as { content: string };
  app.flush();
  const known = [
    first.feedId,
    ...episodes.map((e) => e.id),
    note.id,
    deleted.id,
    feedUrl,
    server.url('/other.xml'),
    await closedPortUrl(),
    'https://example.com/feed.xml',
    notesExport.content,
    opml.content.replace(feedUrl, server.url('/other.xml')),
    '',
    ' ',
  ];
  return { app, dataDir, server, known, internalErrors };
}

async function closeLibrary(library: Library | undefined): Promise<void> {
  if (!library) return;
  await library.app.close();
  await library.server.stop();
  rmSync(library.dataDir, { recursive: true, force: true });
}

/** Waits until nothing in the data folder changes any more (a sync's follow-up work, coalesced writes). */
async function settled(library: Library): Promise<Map<string, Buffer>> {
  library.app.flush();
  let before = filesUnder(library.dataDir);
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = filesUnder(library.dataDir);
    const same =
      after.size === before.size && [...before].every(([name, bytes]) => after.get(name)?.equals(bytes) === true);
    if (same) return after;
    before = after;
  }
  throw new Error('the data folder never settled');
}

// ---- arbitraries ----

/** Values found in the contract's enums, so shaped inputs are valid often enough to reach handlers. */
const enumWords = [
  'next',
  'end',
  'newest',
  'oldest',
  'unplayed',
  'downloaded',
  'has-notes',
  'in-progress',
  'system',
  'light',
  'dark',
  'markdown',
  'json',
];

/** Keys that mean something to JavaScript objects. */
const trickyKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** Any value a field could hold: known ids, enum words, numbers at and past the limits, and anything. */
function fieldValue(known: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.constantFrom(...enumWords) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.integer({ min: -2, max: 400 }),
        fc.double({ min: 0, max: 200_000, noNaN: true }),
        fc.constantFrom(0, -0, 0.5, 3, 1e6, 172_800, 10_000_000, Number.NaN, Infinity, -Infinity, 2 ** 53, -1e-300),
      ),
    },
    { weight: 2, arbitrary: fc.oneof(fc.boolean(), fc.constant(null), fc.constant(undefined)) },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
    fc.string({ minLength: 195, maxLength: 205 }),
    fc.array(fc.constantFrom(...known, ...trickyKeys), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...known, ...trickyKeys), fc.oneof(fc.double({ min: 0.5, max: 3 }), fc.anything())),
    fc.jsonValue({ maxDepth: 3 }),
    fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
    }),
  );
}

/** Optional and nullable peeled off. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  return inner;
}

/** Whether null is one of the field's values (z.….nullable(), maybe inside .optional()). */
function takesNull(schema: z.ZodType): boolean {
  for (let inner = schema; inner instanceof z.ZodOptional || inner instanceof z.ZodNullable;) {
    if (inner instanceof z.ZodNullable) return true;
    inner = inner.unwrap() as z.ZodType;
  }
  return false;
}

/** A value of the field's own type, mostly inside its limits and sometimes just past them. */
function ofFieldType(schema: z.ZodType, known: string[], depth: number): fc.Arbitrary<unknown> {
  const inner = unwrapped(schema);
  const value = ((): fc.Arbitrary<unknown> => {
    if (inner instanceof z.ZodObject) return shaped(inner, known, depth + 1);
    if (inner instanceof z.ZodEnum) return fc.constantFrom(...(inner.options as string[]));
    if (inner instanceof z.ZodBoolean) return fc.boolean();
    if (inner instanceof z.ZodString) {
      const min = inner.minLength ?? 0;
      const max = Math.min(inner.maxLength ?? 40, 40);
      return fc.oneof(fc.constantFrom(...known), fc.string({ minLength: min, maxLength: Math.max(min, max) }));
    }
    if (inner instanceof z.ZodNumber) {
      const min = Math.max(inner.minValue ?? -1e6, -1e7);
      const max = Math.min(inner.maxValue ?? 1e6, 1e7);
      const within = inner.isInt
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true });
      return fc.oneof({ weight: 4, arbitrary: within }, fc.constantFrom(min, max, min - 1, max + 1, min + 0.5));
    }
    if (inner instanceof z.ZodArray)
      return fc.array(ofFieldType(inner.element as z.ZodType, known, depth + 1), { maxLength: 4 });
    if (inner instanceof z.ZodRecord) {
      return fc.dictionary(
        fc.constantFrom(...known, ...trickyKeys),
        ofFieldType(inner.valueType as z.ZodType, known, depth + 1),
        {
          maxKeys: 4,
        },
      );
    }
    return fieldValue(known);
  })();
  return takesNull(schema) ? fc.oneof({ weight: 4, arbitrary: value }, fc.constant(null)) : value;
}

/**
 * An object built from a schema's own keys, nested objects shaped too: each field mostly of its own
 * type (so the input is often valid and reaches the handler), sometimes anything; required fields
 * sometimes missing; sometimes an extra key the strict schema refuses.
 */
function shaped(schema: z.ZodType, known: string[], depth = 0): fc.Arbitrary<unknown> {
  const inner = unwrapped(schema);
  if (!(inner instanceof z.ZodObject) || depth > 2) return fieldValue(known);
  const shape = inner.shape as Record<string, z.ZodType>;
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, field] of Object.entries(shape)) {
    fields[key] = fc.oneof({ weight: 6, arbitrary: ofFieldType(field, known, depth) }, fieldValue(known));
  }
  const required = Object.keys(shape).filter((key) => !shape[key]!.isOptional());
  const object = fc.oneof(
    { weight: 3, arbitrary: fc.record(fields, { requiredKeys: required }) },
    fc.record(fields, { requiredKeys: [] }),
  );
  return fc.oneof(
    { weight: 6, arbitrary: object },
    fc.tuple(object, fc.constantFrom('extra', ...trickyKeys), fieldValue(known)).map(([value, key, extra]) => {
      // defineProperty: "__proto__" must be an own key, as JSON.parse would make it.
      const copy = { ...(value as object) };
      Object.defineProperty(copy, key, { value: extra, enumerable: true, configurable: true, writable: true });
      return copy;
    }),
  );
}

const anyInput = (known: string[]) =>
  fc.oneof(
    fc.jsonValue(),
    fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true }),
    fc.constantFrom(undefined, null, [], '', 0, {}),
    fc.constant(Object.create(null) as object),
    fieldValue(known),
  );

const knownMethod = fc.constantFrom(...methodNames);
const unknownMethod = fc.oneof(
  fc.string().filter((name) => !isMethodName(name)),
  fc.constantFrom(
    ...trickyKeys,
    '__defineGetter__',
    'isPrototypeOf',
    'ListFeeds',
    'listFeeds ',
    ' listFeeds',
    'listfeeds',
    'list-feeds',
    'contract',
    'call',
    'then',
  ),
  fc.anything({ withBigInt: true, withBoxedValues: true, withNullPrototype: true }).filter((m) => !isMethodName(m)),
  // A boxed method name is not a method name.
  fc.constantFrom(...methodNames).map((name) => new String(name)),
);

/** (method, input): a contract method with a shaped or any input, or something that is not a method. */
const anyCall = (known: string[]) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: knownMethod.chain((method) =>
        fc.record({
          method: fc.constant<unknown>(method),
          input: fc.oneof({ weight: 3, arbitrary: shaped(contract[method].input, known) }, anyInput(known)),
        }),
      ),
    },
    { weight: 1, arbitrary: fc.record({ method: unknownMethod as fc.Arbitrary<unknown>, input: anyInput(known) }) },
  );

const describeCall = (method: unknown, input: unknown) =>
  `${typeof method === 'string' ? method : `(${typeof method})`}(${fc.stringify(input)})`;

// ---- properties ----

describe('the API boundary, through a real app', () => {
  let library: Library | undefined;
  beforeAll(async () => {
    library = await openLibrary();
  });
  afterAll(async () => {
    await closeLibrary(library);
  });

  it('any call resolves to an Envelope whose code follows the contract; valid input never ends as internal', async () => {
    const { app, known, internalErrors } = library!;
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(anyCall(known), async ({ method, input }) => {
        internalErrors.length = 0;
        let envelope: unknown;
        try {
          envelope = await app.call(method, input);
        } catch (error) {
          throw new Error(`app.call threw for ${describeCall(method, input)}: ${String(error)}`);
        }
        expectEnvelope(envelope);
        const expected = expectedOutcome(method, input);
        const seen = envelope.ok ? 'ok' : envelope.error.code;
        outcomes.set(`${expected}→${seen}`, (outcomes.get(`${expected}→${seen}`) ?? 0) + 1);
        if (expected === 'handled') {
          // Validated input reaches the handler: it answers, or refuses in words (not-found, failed).
          expect(
            seen,
            `${describeCall(method, input)} → ${JSON.stringify(envelope)}; logged: ${internalErrors.map(String).join(' | ')}`,
          ).not.toMatch(/^(invalid-input|unknown-method|internal)$/);
        } else {
          expect(seen, describeCall(method, input)).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
    // The arbitraries must reach the handlers, not only the validation.
    const handled = [...outcomes].filter(([key]) => key.startsWith('handled')).reduce((n, [, count]) => n + count, 0);
    expect(handled).toBeGreaterThan(30);
  }, 60_000);

  it('a call refused as unknown-method or invalid-input changes no file in the data folder', async () => {
    // A library of its own: the property above runs handlers whose follow-up work could still write.
    const own = await openLibrary();
    try {
      let before = await settled(own);
      const refused = anyCall(own.known).filter(({ method, input }) => expectedOutcome(method, input) !== 'handled');
      await fc.assert(
        fc.asyncProperty(refused, async ({ method, input }) => {
          const envelope = await own.app.call(method, input);
          expectEnvelope(envelope);
          expect(envelope.ok).toBe(false);
          const after = filesUnder(own.dataDir);
          expectSameFiles(before, after, describeCall(method, input));
          before = after;
        }),
        { numRuns: 300 },
      );
    } finally {
      await closeLibrary(own);
    }
  }, 60_000);
});
