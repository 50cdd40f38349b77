import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The app's HTTP client in property tests: 127.0.0.1 only; anything else is refused as if offline. */
export const localOnlyFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) return fetch(input, init);
  const cause = Object.assign(new Error('connect ECONNREFUSED (blocked by the property test)'), {
    code: 'ECONNREFUSED',
  });
  return Promise.reject(new TypeError('fetch failed', { cause }));
};

/** Every file under a folder with its bytes, by path relative to it. */
export function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), readFileSync(file));
  }
  return files;
}
