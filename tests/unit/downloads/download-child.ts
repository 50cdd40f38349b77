/**
 * A separate Earmark process for the crash test: downloads one episode and prints progress as
 * JSON lines until the test kills it. Bundled with esbuild at test time.
 * Usage: node download-child.mjs <dataDir> <url> <episodeId>
 */
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { DownloadManager } from '../../../electron/core/downloads/download-manager.js';
import { downloadsDefaults, downloadsStoreName } from '../../../electron/core/downloads/download-store.js';
import { openStore } from '../../../electron/core/store.js';

const [dataDir, url, id] = process.argv.slice(2) as [string, string, string];
const { store } = openStore(confStoreFactory, { name: downloadsStoreName, cwd: dataDir, defaults: downloadsDefaults });
const manager = new DownloadManager({
  dataDir,
  store,
  progressIntervalMs: 20,
  onProgress: (progress) => console.log(JSON.stringify(progress)),
});
await manager.resume();
manager.enqueue({ id, feedId: 'feed-1', enclosure: { url, type: 'audio/mpeg' } });
setInterval(() => undefined, 60_000); // stay alive until killed
