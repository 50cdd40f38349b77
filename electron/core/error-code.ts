/**
 * The system error code (ECONNRESET, ENOSPC, UND_ERR_SOCKET, …) behind an error, looking through
 * undici's `cause` chain and the AggregateError that happy-eyeballs connects fail with.
 */
export function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    // Happy-eyeballs connects fail with an AggregateError whose parts carry the codes.
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length) {
      const inner = errorCode(errors[0]);
      if (inner) return inner;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
