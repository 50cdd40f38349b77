// POST /api/<method>: the contract over HTTP (media type, Origin and body-size checks, then app.call).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contract, DEFAULT_MAX_BODY_BYTES, isMethodName, type Envelope } from '../../shared/api.js';
import type { EarmarkApp } from '../core/app.js';
import { sendEnvelope } from './responses.js';

/**
 * Calls one contract method with the request's JSON body and answers its envelope. Only pages this
 * host served (origins) may call it.
 */
export async function callApi(
  app: EarmarkApp,
  origins: ReadonlySet<string>,
  request: IncomingMessage,
  response: ServerResponse,
  name: string,
): Promise<void> {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return sendEnvelope(response, 415, invalid('Send the input as JSON (Content-Type: application/json).'));
  }
  // Cross-site pages cannot set this content type without a preflight we never answer, but a
  // present Origin is checked anyway: only pages this host served may call it.
  const origin = request.headers.origin;
  if (origin !== undefined && !origins.has(origin)) {
    return sendEnvelope(response, 403, invalid('Requests from other sites are refused.'));
  }
  // Each method's limit is declared with it in the contract: 1 MB, or more for a whole file.
  const known = isMethodName(name);
  const limit = known ? contract[name].maxBodyBytes : DEFAULT_MAX_BODY_BYTES;
  const body = await readBody(request, limit);
  if (body === 'too-large') {
    response.setHeader('Connection', 'close');
    // Connection: close makes Node drop the unread rest of the body once the answer is sent.
    const megabytes = Math.round(limit / 1_000_000);
    const what = known ? `the limit for ${name}` : 'the limit';
    return sendEnvelope(response, 413, invalid(`The request is larger than ${megabytes} MB, ${what}.`));
  }
  let input: unknown;
  try {
    input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch {
    return sendEnvelope(response, 400, invalid('The request body is not valid JSON.'));
  }
  const envelope = await app.call(name, input);
  sendEnvelope(response, statusOf(envelope), envelope);
}

/**
 * The HTTP status that goes with an envelope, so logs and tools see a refused request for what it
 * is. The body is the envelope either way. Other failures stay 200: the request was fine, its
 * handler ran, and the envelope says what happened.
 */
function statusOf(envelope: Envelope<unknown>): number {
  if (envelope.ok) return 200;
  if (envelope.error.code === 'unknown-method') return 404;
  if (envelope.error.code === 'invalid-input') return 400;
  return 200;
}

function invalid(message: string): Envelope<never> {
  return { ok: false, error: { code: 'invalid-input', message } };
}

/** Reads the whole body, or stops at the limit. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    request.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}
