/**
 * Per test: a fresh fixture feed server, a throwaway data dir, and the built Electron app
 * (out/main/main.js, via the app folder) pointed at both through EARMARK_FEED and EARMARK_DATA_DIR; `page` is its
 * first window. Skipped, with the reason printed by global setup, where the binary is absent.
 */
import { _electron, test as base, expect, type ElectronApplication } from '@playwright/test';
import { repoRoot } from '../../support/browser-host.js';
import { electronBinaryPath } from '../../support/electron-binary.js';
import { startFeedServer, type FeedServer } from '../../support/fixture-feed.js';

export const electronPath = electronBinaryPath();

export interface ElectronFixtures {
  feed: FeedServer;
  electronApp: ElectronApplication;
}

export const test = base.extend<ElectronFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern
  feed: async ({}, use) => {
    const feed = await startFeedServer();
    await use(feed);
    await feed.server.stop();
  },
  electronApp: async ({ feed }, use, testInfo) => {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    delete env.ELECTRON_RUN_AS_NODE; // would make Electron a plain Node and open no window
    env.EARMARK_DATA_DIR = testInfo.outputPath('data-dir');
    env.EARMARK_FEED = feed.feedUrl;
    // No executablePath: Playwright then starts the electron package's binary (the one
    // electronPath found) with its loader, which it uses only for unpackaged apps. The loader holds
    // "ready" until Playwright is attached, leaves process.argv as `electron <app folder>` would
    // (no --inspect/--remote-debugging-port in front of the app's own arguments), and turns off
    // Chromium's background throttling, so a hidden or unfocused window keeps playing on time.
    const app = await _electron.launch({
      args: [
        // Chromium refuses to run as root with its sandbox on (CI containers run as root).
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        // No sound card on CI: a fake audio sink, whose clock still advances.
        '--disable-audio-output',
        // The app folder, as `npm start` passes it: package.json "main" is out/main/main.js, and
        // app.getAppPath() must be the folder that holds assets/ (icons, the offline snapshot).
        repoRoot,
      ],
      env,
      cwd: repoRoot,
    });
    await use(app);
    await app.close();
  },
  page: async ({ electronApp }, use) => {
    const window = await electronApp.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    await use(window);
  },
});

export { expect };
