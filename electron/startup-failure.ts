import { existsSync } from 'node:fs';
import { app, dialog } from 'electron';

/**
 * The app could not start: say so in a dialog with the reason and where the log is, then exit,
 * instead of vanishing without a word (an app started from the desktop has no terminal to print
 * to). dialog.showErrorBox may be called before "ready" (on Linux it then prints to stderr only).
 */
export function reportStartupFailure(error: unknown, log: { file: string; error(error: unknown): void }): void {
  log.error(error);
  const reason = error instanceof Error ? error.message : String(error);
  // The data folder itself may be what failed, and the log lives in it on Linux and Windows.
  const details = existsSync(log.file)
    ? `The details are in ${log.file}.`
    : `Earmark could not write its log (${log.file}) either: check that folder.`;
  try {
    dialog.showErrorBox('Earmark could not start', `${reason}\n\n${details}`);
  } finally {
    app.exit(1);
  }
}
