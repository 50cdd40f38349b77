// `npm install` (postinstall) and `npm run install:electron`: fetches the Electron binary the desktop
// app runs in, with electron's own install script, but never fails the install. Where the download
// can't happen (no route to GitHub, a corporate proxy) Earmark still works in the browser, so one
// plain line says what happened and how to retry, and npm carries on with node_modules intact.
// package.json's allowScripts keeps npm from running electron's script itself, which would fail
// the whole install (npm rolls back and node_modules is gone).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let installScript;
try {
  installScript = require.resolve('electron/install.js');
} catch {
  process.exit(0); // an install without devDependencies: no desktop app to prepare
}

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log(
    'Earmark: skipped the Electron download (ELECTRON_SKIP_BINARY_DOWNLOAD is set); `npm start` opens Earmark in your browser. `npm run install:electron` fetches the desktop app later.',
  );
  process.exit(0);
}

// Twenty minutes: a slow link still gets the ~100 MB; a connection that hangs does not hold npm forever.
const result = spawnSync(process.execPath, [installScript], {
  stdio: ['ignore', 'inherit', 'pipe'],
  encoding: 'utf8',
  timeout: 20 * 60_000,
});
if (result.status === 0) process.exit(0);

console.log(
  `Earmark: couldn't download the Electron binary for the desktop app (${reasonOf(result)}). Earmark still works in your browser: \`npm start\` opens it there. To retry the desktop download: npm run install:electron`,
);
process.exit(0);

/** The gist of what went wrong, from electron's install script (a stack trace) or the spawn. */
function reasonOf({ error, stderr, signal }) {
  if (error?.code === 'ETIMEDOUT' || signal) return 'it took longer than 20 minutes';
  if (error) return error.message;
  const firstLine = (stderr ?? '')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line && !line.startsWith('at '));
  // "RequestError: getaddrinfo ENOTFOUND github.com" → "getaddrinfo ENOTFOUND github.com"
  return firstLine?.replace(/^\w*Error: /, '').slice(0, 200) ?? 'the download failed';
}
