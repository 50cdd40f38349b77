import os from 'node:os';
import path from 'node:path';

/**
 * The browser host's default data folder (env-paths style). It is deliberately NOT the Electron
 * app's userData folder: the two can run at the same time, each keeps an in-memory read model of
 * its stores, and conf/electron-store have no cross-process locking, so sharing one folder would
 * let one process silently overwrite the other's writes. Pass --data-dir to choose another.
 */
export function defaultHostDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  const name = 'earmark-browser-host';
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', name);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), name);
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), name);
}
