/**
 * The Electron IPC channels and how the sandboxed preload learns the contract's method names. Plain
 * data, no zod: the preload bundles this file and nothing else of shared/. Adding a method never
 * touches this file: main passes the names from shared/api.ts on the preload's process.argv.
 */

/** IPC channel of a method; one per method, never a generic one. */
export const methodChannel = (method: string): string => `earmark:${method}`;
/** IPC channel on which main pushes every event. */
export const eventChannel = 'earmark:event';

const methodsFlag = '--earmark-methods=';

/**
 * The argument main adds to the window's webPreferences.additionalArguments, which Electron appends
 * to process.argv in the renderer, where a sandboxed preload can read it.
 */
export const methodsArgument = (names: readonly string[]): string => methodsFlag + names.join(',');

/** The method names passed by methodsArgument; only plain identifiers, whatever else argv holds. */
export function methodsFromArgv(argv: readonly string[]): string[] {
  const argument = argv.findLast((entry) => entry.startsWith(methodsFlag));
  if (!argument) return [];
  return argument
    .slice(methodsFlag.length)
    .split(',')
    .filter((name) => /^[A-Za-z]+$/.test(name));
}
