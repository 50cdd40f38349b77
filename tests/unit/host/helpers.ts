import type { Envelope } from '../../../shared/api.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request: the path and headers go out exactly as given (no URL normalisation). */
export function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A port nothing listens on, so feed fetches fail fast instead of reaching the internet. */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A contract call over the host's HTTP API with the token cookie; throws the error's message. */
export async function callHost<T>(port: number, cookie: string, method: string, input: unknown = {}): Promise<T> {
  const reply = await send(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Cookie: cookie, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const envelope = JSON.parse(reply.body) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value;
}
