import { defineConfig } from '@playwright/test';
import { chromiumArgs, resolveChromium } from './tests/support/chromium.js';

const ci = Boolean(process.env.CI);
const { executablePath } = resolveChromium();

// Two projects: the browser host driven by Chromium (runs everywhere), and the Electron app itself
// (skipped, with the reason printed, where the Electron binary is not installed).
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results',
  // A hang guard, not a speed check: several tests play 15–20 s of audio in real time, and with two
  // workers on a two-core machine they took over 30 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: ci ? 1 : 0,
  forbidOnly: ci,
  reporter: 'list',
  use: {
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'browser-host',
      testMatch: 'browser-host/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        // Playwright passes --no-sandbox itself (chromiumSandbox defaults to false), which root needs.
        launchOptions: { executablePath, args: chromiumArgs },
      },
    },
    {
      name: 'electron',
      testMatch: 'electron/**/*.spec.ts',
    },
  ],
});
