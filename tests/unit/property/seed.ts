import fc from 'fast-check';

/**
 * The property tests run with a fixed seed, so `npm test` (and CI) gives the same answer every time.
 * To look for new counterexamples, run them with FC_SEED=random (or any number):
 *   FC_SEED=random npx vitest run tests/unit/property
 * and turn what they find into a fix and a regression test.
 */
const wanted = process.env.FC_SEED;
const seed = wanted === 'random' ? Date.now() ^ (Math.random() * 2 ** 31) : Number(wanted ?? 20261202);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
if (wanted === 'random') console.log(`fast-check seed ${seed}`);
