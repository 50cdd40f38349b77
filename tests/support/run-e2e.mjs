// `npm run test:e2e`: runs `playwright test`, inside `xvfb-run -a` on a Linux machine without a
// display (CI), so the Electron project gets an X server. Arguments are passed through.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import process from 'node:process';

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const playwright = [process.execPath, playwrightCli, 'test', ...process.argv.slice(2)];

const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const hasXvfbRun = headlessLinux && spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
if (headlessLinux && !hasXvfbRun) {
  process.stdout.write('No DISPLAY and no xvfb-run: Electron tests need one (apt-get install xvfb xauth).\n');
}
// NB: xvfb-run overwrites an environment variable named ARGS; nothing here relies on it.
const [command = '', ...args] = hasXvfbRun ? ['xvfb-run', '-a', ...playwright] : playwright;

const child = spawn(command, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
