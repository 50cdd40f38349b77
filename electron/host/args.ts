import { parseArgs } from 'node:util';

export interface ServeArgs {
  port: number;
  dataDir?: string;
  feedUrl?: string;
  /** The podcast directory's search endpoint (tests point it at a fixture server). */
  directoryUrl?: string;
  open: boolean;
  help: boolean;
}

export const usage =
  'Usage: npm run serve -- [--port N] [--data-dir DIR] [--feed URL] [--directory-url URL] [--no-open]';

/** Parses the browser host's command line; throws an Error with a user-facing message on bad input. */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      feed: { type: 'string' },
      'directory-url': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a whole number from 0 to 65535 (got "${values.port}").`);
  }
  const feedUrl = values.feed;
  if (feedUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(feedUrl)) {
    throw new Error(`--feed must be an http or https URL (got "${feedUrl}").`);
  }
  const directoryUrl = values['directory-url'];
  if (directoryUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(directoryUrl)) {
    throw new Error(`--directory-url must be an http or https URL (got "${directoryUrl}").`);
  }
  return {
    port,
    dataDir: values['data-dir'],
    feedUrl,
    ...(directoryUrl !== undefined ? { directoryUrl } : {}),
    open: !values['no-open'],
    help: values.help,
  };
}
