/**
 * Per test: a fresh fixture feed server, a fresh data dir, and the built browser host pointed at
 * that feed; `page` opens the host's URL. Teardown checks the host exits cleanly on SIGTERM.
 */
import { test as base, expect } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../support/browser-host.js';
import { startFeedServer, type FeedServer } from '../../support/fixture-feed.js';

export interface HostFixtures {
  feed: FeedServer;
  /**
   * The host's --directory-url. By default a closed port on 127.0.0.1, so a search never leaves the
   * machine; find-podcasts.spec.ts points it at a fixture directory.
   */
  directoryUrl: string;
  host: BrowserHost;
}

export const test = base.extend<HostFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern
  feed: async ({}, use) => {
    const feed = await startFeedServer();
    await use(feed);
    await feed.server.stop();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern
  directoryUrl: async ({}, use) => {
    await use('http://127.0.0.1:9/search');
  },
  host: async ({ feed, directoryUrl }, use, testInfo) => {
    const host = await startBrowserHost({
      dataDir: testInfo.outputPath('data-dir'),
      feedUrl: feed.feedUrl,
      directoryUrl,
    });
    await use(host);
    const exit = await host.stop();
    await testInfo.attach('browser-host output', {
      body: `stdout:\n${host.stdout()}\nstderr:\n${host.stderr()}`,
      contentType: 'text/plain',
    });
    const readyLines = host
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('Earmark ready at '));
    expect(readyLines, 'exactly one ready line on stdout').toHaveLength(1);
    expect(exit, `browser host exits cleanly on SIGTERM; stderr:\n${host.stderr()}`).toEqual({
      code: 0,
      signal: null,
      timedOut: false,
    });
  },
  page: async ({ page, host }, use) => {
    await page.goto(host.url);
    await use(page);
  },
});

export { expect };
