import { registerJourney } from '../../support/journey.js';
import { test } from './fixtures.js';

registerJourney(test);
