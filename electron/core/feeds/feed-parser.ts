import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { parserCustomFields } from './parser-fields.js';
import { parserWorkerSource } from './parser-worker-source.js';
import type { RawFeed } from './raw-feed.js';

/** Where in the text the XML broke, 1-based, as sax counts (columns in UTF-16 units). */
export interface XmlPosition {
  line: number;
  column: number;
}

/** Why parsing failed: the text is not (well-formed) XML, or it is XML but not a feed. */
export class FeedParseError extends Error {
  constructor(
    readonly kind: 'not-xml' | 'not-feed',
    message: string,
    /** For 'not-xml', where the parser stopped. */
    readonly position?: XmlPosition,
  ) {
    super(message);
    this.name = 'FeedParseError';
  }
}

/**
 * One kind of mistake a loose read got past (see parser-worker-source.ts): how many, the line of
 * the first and what it was ("&gtgt;", "&#x1F;", "U+000B"; "&" for a stray ampersand).
 */
export interface XmlRepair {
  kind: 'entity' | 'ampersand' | 'reference' | 'control';
  count: number;
  line: number;
  sample: string;
}

export interface ParsedFeed {
  feed: RawFeed;
  /** Present only when the feed was not well-formed XML and was read loosely. */
  repairs?: XmlRepair[];
}

type Reply =
  | ({ id: number; ok: true } & ParsedFeed)
  | ({ id: number; ok: false; kind: 'not-xml' | 'not-feed'; message: string } & Partial<XmlPosition>);

interface Pending {
  resolve: (parsed: ParsedFeed) => void;
  reject: (error: Error) => void;
}

/**
 * rss-parser's parseString is synchronous (a 16 MB feed blocks for ~0.7 s), so it runs in one
 * worker thread, created on first use and kept for the next sync. Message ids let several syncs
 * parse at once. The worker is unref'd while idle so it never keeps the process alive.
 */
export class FeedParser {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  parse(xml: string): Promise<ParsedFeed> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<ParsedFeed>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, xml });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
    this.failAll(new Error('The feed parser was closed.'));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const parserPath = createRequire(import.meta.url).resolve('rss-parser');
    const worker = new Worker(parserWorkerSource, {
      eval: true,
      workerData: { parserPath, customFields: parserCustomFields },
    });
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error: unknown) =>
      this.crashed(worker, error instanceof Error ? error : new Error(`The feed parser failed: ${String(error)}`)),
    );
    worker.on('exit', (code) => this.crashed(worker, new Error(`The feed parser stopped (exit code ${code}).`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.ok) pending.resolve(reply.repairs ? { feed: reply.feed, repairs: reply.repairs } : { feed: reply.feed });
    else {
      const { line, column } = reply;
      const position = line !== undefined && column !== undefined ? { line, column } : undefined;
      pending.reject(new FeedParseError(reply.kind, reply.message, position));
    }
  }

  /** A dead worker fails what it was doing; the next parse starts a fresh one. */
  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
