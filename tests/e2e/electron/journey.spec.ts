import { ELECTRON_SKIP_REASON } from '../../support/electron-binary.js';
import { registerJourney } from '../../support/journey.js';
import { electronPath, test } from './fixtures.js';

// Skipped where the Electron binary is not installed: our development machines and CI cannot download
// it (README, "The desktop half, and what has really run"), so these have never run. They run wherever
// `npm install` fetched Electron. The main-process wiring they rely on is also exercised on every
// `npm test` under a fake Electron (tests/unit/electron/main-boot.test.ts). Global setup prints the
// reason once, so the CI log says why these did not run.
test.skip(!electronPath, ELECTRON_SKIP_REASON);

registerJourney(test);
