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

/** What a file system refusal means for the listener, and what they can do about it. */
const diskWords = new Map<string, { why: string; fix: string }>(
  Object.entries({
    ENOSPC: { why: 'the disk is full', fix: 'Free some disk space and try again.' },
    EDQUOT: { why: 'your disk quota is used up', fix: 'Free some space in your quota and try again.' },
    EROFS: {
      why: 'the disk holding Earmark’s data folder is read-only',
      fix: 'Make it writable (or move the data folder) and try again.',
    },
    EACCES: {
      why: 'Earmark is not allowed to write to its data folder',
      fix: 'Check the folder’s permissions and try again.',
    },
    EPERM: {
      why: 'Earmark is not allowed to write to its data folder',
      fix: 'Check the folder’s permissions (or whether another program locks the file) and try again.',
    },
  }),
);

/** Words for a disk error the listener can act on (full, over quota, read-only, no permission), else undefined. */
export function diskProblem(error: unknown): { why: string; fix: string } | undefined {
  const code = errorCode(error);
  return code === undefined ? undefined : diskWords.get(code);
}
