import { STATUS_CODES } from 'node:http';
import { errorCode } from '../error-code.js';

/** "The feed server answered 404 Not Found" — what users see in the feed's error line. */
export function describeStatus(status: number, statusText?: string): string {
  const reason = statusText?.trim() || STATUS_CODES[status] || 'an unexpected status';
  return `The feed server answered ${status} ${reason}.`;
}

const networkWords: Record<string, string> = {
  ECONNREFUSED: 'The feed server refused the connection (nothing is listening at that address).',
  ENOTFOUND: 'The feed server’s name could not be found (DNS). Check the address or your connection.',
  EAI_AGAIN: 'The feed server’s name could not be looked up right now (DNS). Check your connection.',
  ECONNRESET: 'The feed server closed the connection unexpectedly.',
  EPIPE: 'The feed server closed the connection unexpectedly.',
  ETIMEDOUT: 'The connection to the feed server timed out.',
  UND_ERR_CONNECT_TIMEOUT: 'The connection to the feed server timed out.',
  EHOSTUNREACH: 'The feed server cannot be reached from this network.',
  ENETUNREACH: 'The network is unreachable. Are you offline?',
  UND_ERR_SOCKET: 'The connection to the feed server broke off.',
  CERT_HAS_EXPIRED: 'The feed server’s security certificate has expired.',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'The feed server’s security certificate is not trusted (self-signed).',
  SELF_SIGNED_CERT_IN_CHAIN: 'The feed server’s security certificate is not trusted (self-signed).',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'The feed server’s security certificate could not be verified.',
  ERR_TLS_CERT_ALTNAME_INVALID: 'The feed server’s security certificate is for a different address.',
  CERT_NOT_YET_VALID: 'The feed server’s security certificate is not valid yet. Check your computer’s clock.',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'The feed server’s security certificate could not be verified.',
  EPROTO:
    'A secure connection to the feed server could not be set up. Check whether the address should start with http:// instead.',
  ERR_SSL_WRONG_VERSION_NUMBER:
    'A secure connection to the feed server could not be set up. Check whether the address should start with http:// instead.',
  ECONNABORTED: 'The connection to the feed server broke off.',
  UND_ERR_CLOSED: 'The connection to the feed server broke off.',
  UND_ERR_HEADERS_TIMEOUT: 'The feed server took too long to answer.',
  UND_ERR_BODY_TIMEOUT: 'The feed server stopped sending the feed part way through.',
  ERR_INVALID_URL: 'That is not a web address Earmark can read.',
};

/**
 * What undici throws without a code, by its message: fetch refuses ports that belong to other
 * services (the Fetch standard's "bad ports", e.g. 1, 25, 6000) before connecting at all.
 */
function describeUncodedError(detail: string | undefined, url: string | undefined): string | undefined {
  if (detail === 'bad port') {
    const port = url ? portOf(url) : undefined;
    return `Earmark can’t fetch feeds from ${port ? `port ${port}` : 'that port'}: it is reserved for other kinds of service. Check the address.`;
  }
  if (detail === 'redirect count exceeded') return 'The feed redirected too many times.';
  return undefined;
}

function portOf(url: string): string | undefined {
  try {
    return new URL(url).port || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns what fetch threw (undici wraps the socket error in `cause`) into a sentence; `url` is the
 * address asked for, to name its port when that was the trouble.
 */
export function describeNetworkError(error: unknown, url?: string): string {
  const code = errorCode(error);
  if (code && networkWords[code]) return networkWords[code];
  const detail = innermostMessage(error);
  const known = describeUncodedError(detail, url);
  if (known) return known;
  // Unknown causes keep their detail (for a bug report), after a sentence people can read.
  const extra = [code, detail].filter(Boolean).join(': ');
  return `The feed could not be downloaded${extra ? ` (${extra})` : ''}.`;
}

function innermostMessage(error: unknown): string | undefined {
  let message: string | undefined;
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const text = (current as { message?: unknown }).message;
    if (typeof text === 'string' && text && text !== 'fetch failed') message = text;
    current = (current as { cause?: unknown }).cause;
  }
  return message;
}

/** "30 seconds", "1 second", "0.2 seconds". */
export function describeSeconds(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
