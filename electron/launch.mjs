// `npm start`: runs the built app in Electron, or says plainly why it cannot.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const appDir = fileURLToPath(new URL('..', import.meta.url));

let binary;
try {
  // In plain Node the electron package exports the binary's path, and throws when the binary
  // was never downloaded ("Electron failed to install correctly").
  binary = require('electron');
} catch {
  binary = undefined;
}
if (typeof binary !== 'string' || !existsSync(binary)) {
  console.error(
    'Earmark: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD?). Run `npm run serve` to use Earmark in your browser.',
  );
  process.exit(1);
}

// ELECTRON_RUN_AS_NODE (set by some tools) would make Electron behave as plain Node and not open a window.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [appDir, ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(`Earmark: could not start Electron (${error.message}).`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
