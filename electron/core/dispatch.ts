import {
  contract,
  isMethodName,
  type Envelope,
  type MethodName,
  type MethodOutput,
  type ValidInput,
} from '../../shared/api.js';
import { diskProblem } from './error-code.js';

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
    const name = typeof method === 'string' ? method.slice(0, 100) : `a ${method === null ? 'null' : typeof method}`;
    return { ok: false, error: { code: 'unknown-method', message: `Unknown method: ${name}` } };
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
    // The listener can fix these, so they get words, not "something went wrong". Stores write a
    // temp file and rename it, so a refused write leaves the file on disk as it was.
    const disk = diskProblem(error);
    if (disk) {
      const message = `${actions[method] ?? 'That'} failed: ${disk.why}, so nothing was saved. ${disk.fix}`;
      return { ok: false, error: { code: 'failed', message } };
    }
    return {
      ok: false,
      error: { code: 'internal', message: `Something went wrong in ${method}. See the log for details.` },
    };
  }
}

/** What each method that writes to disk does, for the words of a disk error ("Adding the note failed: …"). */
const actions: Partial<Record<MethodName, string>> = {
  subscribe: 'Subscribing',
  refreshFeeds: 'Refreshing',
  setEpisodeState: 'Saving where you are in the episode',
  unsubscribe: 'Unsubscribing',
  importOpml: 'Importing the OPML file',
  addToQueue: 'Adding to Up next',
  removeFromQueue: 'Removing from Up next',
  moveInQueue: 'Moving the episode in Up next',
  advanceQueue: 'Moving on in Up next',
  updateSettings: 'Saving the settings',
  downloadEpisode: 'Starting the download',
  pauseDownload: 'Pausing the download',
  retryDownload: 'Resuming the download',
  cancelDownload: 'Cancelling the download',
  removeDownload: 'Removing the download',
  addNote: 'Adding the note',
  updateNote: 'Saving the note',
  deleteNote: 'Deleting the note',
  restoreNote: 'Restoring the note',
  importNotes: 'Importing the notes',
};
