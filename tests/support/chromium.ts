/**
 * Which Chromium the browser-host tests drive: $EARMARK_CHROMIUM, else Playwright's bundled build
 * when it is on disk, else the distribution's /usr/bin/chromium (Debian's plays MP3).
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

export function resolveChromium(): { executablePath: string | undefined; source: string } {
  const fromEnv = process.env.EARMARK_CHROMIUM;
  if (fromEnv) return { executablePath: fromEnv, source: 'EARMARK_CHROMIUM' };
  const bundled = chromium.executablePath();
  // undefined lets Playwright use its own build the usual way.
  if (bundled && existsSync(bundled)) return { executablePath: undefined, source: `Playwright (${bundled})` };
  return { executablePath: '/usr/bin/chromium', source: '/usr/bin/chromium' };
}

export const chromiumArgs = [
  // Tests press Play from scripts too; don't wait for a user gesture.
  '--autoplay-policy=no-user-gesture-required',
  // No sound card on CI machines: silences ALSA errors; media clocks still advance.
  '--disable-audio-output',
  // The test network is closed: no update checks or background fetches.
  '--disable-background-networking',
  '--disable-component-update',
];
