// Child process that boots the built main bundle (out/main/main.js) under the fake `electron`, as
// the platform in FAKE_ELECTRON_PLATFORM, and answers the test's requests over the fork IPC channel
// (tests/support/main-boot.ts is the other end). Node 20's module.register hooks the resolution.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);

const platform = process.env.FAKE_ELECTRON_PLATFORM;
if (platform) Object.defineProperty(process, 'platform', { value: platform, configurable: true });
// Electron's own argv: the executable, then (from source) the app folder, then any link.
process.argv = [
  process.execPath,
  process.env.FAKE_ELECTRON_APP_PATH,
  ...JSON.parse(process.env.FAKE_ELECTRON_ARGV ?? '[]'),
];
process.defaultApp = process.env.FAKE_ELECTRON_PACKAGED === '1' ? undefined : true;

const electron = await import('electron');
const { ops } = await import('./operations.mjs');
// The calls go with the exit: after it there is no process left to ask.
electron.app.on('fake-exit', (code) => {
  process.send?.({ type: 'exit', code, calls: electron.calls, sent: electron.sent }, () => process.exit(code));
});

process.on('message', async ({ id, op, args }) => {
  try {
    const value = await ops[op](...(args ?? []));
    process.send?.({ type: 'reply', id, value });
  } catch (error) {
    process.send?.({ type: 'reply', id, error: error instanceof Error ? error.stack : String(error) });
  }
});

const started = Date.now();
try {
  await import(process.env.FAKE_ELECTRON_MAIN);
  process.send?.({ type: 'loaded', ms: Date.now() - started });
} catch (error) {
  process.send?.({ type: 'load-failed', error: error instanceof Error ? error.stack : String(error) });
}
