/**
 * What crosses a transport: the Envelope every call returns, and the two shapes of the contract's
 * methods (the renderer's EarmarkApi, the preload's EarmarkBridge). Re-exported by shared/api.ts.
 */
import type { MethodInput, MethodName, MethodOutput } from './api.js';
import type { EarmarkEvents, EventName } from './events.js';

export type ErrorCode = 'invalid-input' | 'unknown-method' | 'not-found' | 'failed' | 'internal';

/** What every call returns across a transport: errors are values, so both transports keep them typed. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** The API the renderer sees: one async function per method, plus event subscription. */
export type EarmarkApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
} & {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EarmarkEvents[E]) => void): () => void;
};

/** The raw bridge the Electron preload exposes as window.earmark: one function per method. */
export type EarmarkBridge = {
  [M in MethodName]: (input: unknown) => Promise<Envelope<MethodOutput<M>>>;
} & {
  /** Subscribes to every event; returns the unsubscribe function. */
  on(listener: (event: EventName, payload: unknown) => void): () => void;
};
