/**
 * Whether the Electron binary is installed. The electron package's index throws "Electron failed to
 * install correctly" when its postinstall did not download the binary (ELECTRON_SKIP_BINARY_DOWNLOAD).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const ELECTRON_SKIP_REASON = 'skipped: Electron binary not installed';

export function electronBinaryPath(): string | undefined {
  try {
    const resolved: unknown = createRequire(import.meta.url)('electron');
    return typeof resolved === 'string' && existsSync(resolved) ? resolved : undefined;
  } catch {
    return undefined;
  }
}
