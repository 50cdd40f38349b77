/** Volume and mute are this window's preference (like a system mixer), kept in local storage. */
type VolumeStorage = Pick<Storage, 'getItem' | 'setItem'> | undefined;

const VOLUME_KEY = 'earmark.volume';

export function savedVolume(storage: VolumeStorage): { volume: number; muted: boolean } {
  try {
    const saved = JSON.parse(storage?.getItem(VOLUME_KEY) ?? 'null') as { volume?: unknown; muted?: unknown };
    const volume = typeof saved?.volume === 'number' && saved.volume >= 0 && saved.volume <= 1 ? saved.volume : 1;
    return { volume, muted: saved?.muted === true };
  } catch {
    return { volume: 1, muted: false };
  }
}

export function keepVolume(storage: VolumeStorage, preference: { volume: number; muted: boolean }): void {
  try {
    storage?.setItem(VOLUME_KEY, JSON.stringify({ volume: preference.volume, muted: preference.muted }));
  } catch {
    // A full or refused storage only forgets the preference.
  }
}
