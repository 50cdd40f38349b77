/** The settings and how to change them, for any component below the shell (no prop threading). */
import { createContext, useContext } from 'react';
import type { MethodInput } from '../../../shared/api';
import type { Settings } from '../../../shared/types';

export interface SettingsControl {
  settings: Settings;
  /** Saves a change; the UI shows it at once and takes the service's answer as the truth. */
  update: (patch: MethodInput<'updateSettings'>) => Promise<void>;
}

export const SettingsContext = createContext<SettingsControl | null>(null);

export function useSettingsContext(): SettingsControl {
  const control = useContext(SettingsContext);
  if (!control) throw new Error('useSettingsContext needs a SettingsContext provider (renderer/app/app.tsx).');
  return control;
}
