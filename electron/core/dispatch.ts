import {
  contract,
  isMethodName,
  type Envelope,
  type MethodName,
  type MethodOutput,
  type ValidInput,
} from '../../shared/api.js';

/** One handler per contract method; handlers receive validated input. */
export type Handlers = {
  [M in MethodName]: (input: ValidInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

/** An error a handler throws on purpose; its message is shown to the user as is. */
export class EarmarkError extends Error {
  constructor(
    readonly code: 'not-found' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'EarmarkError';
  }
}

/**
 * The only way into the services, for every transport: validates the raw input against the
 * method's schema, calls the handler, and turns every outcome into an Envelope.
 */
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  rawInput: unknown,
  log: (error: unknown) => void = console.error,
): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'unknown-method', message: `Unknown method: ${String(method)}` } };
  }
  const parsed = contract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('; ');
    return { ok: false, error: { code: 'invalid-input', message: `Invalid input for ${method}: ${detail}` } };
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    if (error instanceof EarmarkError) return { ok: false, error: { code: error.code, message: error.message } };
    log(error);
    return {
      ok: false,
      error: { code: 'internal', message: `Something went wrong in ${method}. See the log for details.` },
    };
  }
}
