/**
 * Runs once before the end-to-end tests. Builds nothing (`npm test` builds first); checks the build
 * is there, prepares fixture media, and says in the log why the Electron tests will be skipped.
 */
import type { FullConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ensureFixtureArtwork, ensureFixtureAudio } from '../support/fixture-media.js';
import { ELECTRON_SKIP_REASON, electronBinaryPath } from '../support/electron-binary.js';

const required = ['out/main/serve.js', 'out/main/main.js', 'out/renderer/index.html'];

export default function globalSetup(config: FullConfig): void {
  const root = config.configFile ? dirname(config.configFile) : process.cwd();
  const missing = required.filter((path) => !existsSync(resolve(root, path)));
  if (missing.length > 0) {
    throw new Error(
      `End-to-end tests need a build, and ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing. ` +
        'Run `npm run build` first (`npm test` does it for you).',
    );
  }
  ensureFixtureAudio();
  ensureFixtureArtwork();
  const electronWanted = config.projects.some((project) => project.name === 'electron');
  if (electronWanted && !electronBinaryPath()) console.log(ELECTRON_SKIP_REASON);
}
