import { ELECTRON_SKIP_REASON } from '../../support/electron-binary.js';
import { registerJourney } from '../../support/journey.js';
import { electronPath, test } from './fixtures.js';

// Global setup prints the same reason once, so the CI log says why these did not run.
test.skip(!electronPath, ELECTRON_SKIP_REASON);

registerJourney(test);
