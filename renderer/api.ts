/**
 * The only file that knows how the renderer reaches Earmark's services. In Electron the preload
 * exposes `window.earmark` (an EarmarkBridge); in a browser the host serves the same contract over
 * HTTP on this page's origin, with events over Server-Sent Events. Everything else imports `api`.
 */
import {
  eventNames,
  methodNames,
  type EarmarkApi,
  type EarmarkBridge,
  type EarmarkEvents,
  type Envelope,
  type ErrorCode,
  type EventName,
  type MethodName,
} from '../shared/api';

/** A failed call, with the contract's error code and a message meant for people. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

declare global {
  interface Window {
    earmark?: EarmarkBridge;
  }
}

type Call = (method: MethodName, input: unknown) => Promise<Envelope<unknown>>;
type Subscribe = (listener: (event: EventName, payload: unknown) => void) => () => void;

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.code, envelope.error.message);
}

/**
 * POST /api/<method>. The host answers a call with an Envelope whatever the status (200, or 400,
 * 404, 413 when it refuses the request), so the envelope is read first. Before a call reaches the
 * contract (401 when the access cookie is gone, say after the host restarted with a new token, or
 * 503 while it shuts down) the answer is a line of plain text meant for people, shown as it is.
 */
const httpCall: Call = async (method, input) => {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      // A position saved as the page closes (reload, tab closed) must still arrive. Only these
      // small calls: keepalive requests share a 64 KB budget.
      keepalive: method === 'setEpisodeState',
    });
  } catch {
    throw new ApiError('failed', 'Earmark is not reachable. Is it still running?');
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new ApiError('failed', 'Earmark is not reachable. Is it still running?');
  }
  const envelope = parseEnvelope(text);
  if (envelope) return envelope;
  const plainText = response.headers.get('Content-Type')?.startsWith('text/plain') ?? false;
  if (!response.ok && plainText && text.trim() !== '') throw new ApiError('failed', text.trim());
  throw new ApiError('internal', `Earmark answered with HTTP ${response.status} and no result.`);
};

function parseEnvelope(text: string): Envelope<unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const looksLikeOne =
    typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
  return looksLikeOne ? (value as Envelope<unknown>) : undefined;
}

/**
 * One EventSource for the whole page, opened on first subscription. EventSource reconnects by
 * itself; listeners survive that because they hang on this fan-out, not on the source.
 */
function httpEvents(): Subscribe {
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  let source: EventSource | undefined;
  const open = () => {
    source = new EventSource('/api/events', { withCredentials: true });
    // Events sent before the stream (re)connected are lost, e.g. the first-run sync finishing
    // while the page loads. Telling listeners the library changed makes them fetch fresh state.
    source.addEventListener('open', () => {
      for (const listener of listeners) listener('libraryChanged', { feedIds: [] });
    });
    for (const name of eventNames) {
      source.addEventListener(name, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return; // A malformed event is dropped rather than breaking every listener.
        }
        for (const listener of listeners) listener(name, payload);
      });
    }
  };
  return (listener) => {
    if (!source) open();
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
}

/** Builds the typed api from any transport; methods are generated from the contract's names. */
export function createApi(call: Call, subscribe: Subscribe): EarmarkApi {
  const methods = Object.fromEntries(
    methodNames.map((method) => [method, async (input: unknown) => unwrap(await call(method, input ?? {}))]),
  );
  const on = <E extends EventName>(event: E, listener: (payload: EarmarkEvents[E]) => void) =>
    subscribe((name, payload) => {
      if (name === event) listener(payload as EarmarkEvents[E]);
    });
  return { ...methods, on } as EarmarkApi;
}

function bridgeApi(bridge: EarmarkBridge): EarmarkApi {
  const call: Call = async (method, input) => {
    try {
      return await (bridge[method] as (input: unknown) => Promise<Envelope<unknown>>)(input);
    } catch (error) {
      // IPC itself failed (not a service error): keep the ApiError shape for callers.
      throw new ApiError('internal', error instanceof Error ? error.message : String(error));
    }
  };
  return createApi(call, (listener) => bridge.on(listener));
}

export const api: EarmarkApi = window.earmark ? bridgeApi(window.earmark) : createApi(httpCall, httpEvents());

/**
 * Where a downloaded episode's file is served: Electron's privileged earmark-media:// scheme, or
 * the browser host's /media/<id> on this page's origin (same cookie). Both answer Range, so
 * seeking works; both 404 for an episode without a completed download.
 */
export function mediaUrl(episodeId: string): string {
  const id = encodeURIComponent(episodeId);
  return window.earmark ? `earmark-media://episode/${id}` : `/media/${id}`;
}

/** A message for people from anything thrown by an api call. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
