// `npm start`: the desktop app in Electron; where its binary isn't installed (it couldn't be
// downloaded), the browser host instead, opened in the default browser (not under CI), so the
// README's first command always ends with Earmark in front of the user.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const appDir = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

let binary;
try {
  // In plain Node the electron package exports the binary's path, and throws when the binary
  // was never downloaded ("Electron failed to install correctly").
  binary = require('electron');
} catch {
  binary = undefined;
}

if (typeof binary === 'string' && existsSync(binary)) {
  // ELECTRON_RUN_AS_NODE (set by some tools) would make Electron behave as plain Node and not open a window.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(binary, [appDir, ...args], env, 'Electron');
} else {
  console.log(
    "Earmark: the desktop app isn't installed here (no Electron binary), so Earmark opens in your browser instead. `npm run install:electron` retries the desktop download.",
  );
  // The desktop app's two settings, in the browser host's words.
  const { EARMARK_DATA_DIR: dataDir, EARMARK_FEED: feed } = process.env;
  const hostArgs = [...(dataDir ? ['--data-dir', dataDir] : []), ...(feed ? ['--feed', feed] : []), ...args];
  run(
    process.execPath,
    [fileURLToPath(new URL('../out/main/serve.js', import.meta.url)), ...hostArgs],
    process.env,
    'the browser host',
  );
}

function run(command, commandArgs, env, what) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Earmark: could not start ${what} (${error.message}).`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
