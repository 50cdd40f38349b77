/** Settings, loaded once; defaults until they arrive so the UI never waits on them. */
import { useCallback, useEffect, useState } from 'react';
import { defaultSettings, type Settings } from '../../../shared/types';
import { api } from '../../api';
import type { MethodInput } from '../../../shared/api';

export function useSettings() {
  const [settings, setSettings] = useState<Settings>(defaultSettings);

  useEffect(() => {
    let live = true;
    api
      .getSettings({})
      // Defaults fill in anything an older store or service does not have yet.
      .then((loaded) => live && setSettings({ ...defaultSettings, ...loaded }))
      .catch((error: unknown) => console.warn('Could not load settings', error));
    return () => {
      live = false;
    };
  }, []);

  /** Saves a change; the UI shows it at once and takes the service's answer as the truth. */
  const update = useCallback(async (patch: MethodInput<'updateSettings'>) => {
    setSettings((current) => ({ ...current, ...patch }));
    setSettings({ ...defaultSettings, ...(await api.updateSettings(patch)) });
  }, []);

  return { settings, update };
}
