/** Timestamps: "1:02:03", "02:03", "123" <-> seconds. Pure: used by feeds, chapters and the UI. */

/**
 * Parses a duration or timestamp: "HH:MM:SS", "MM:SS", plain seconds ("3723", "12.5"),
 * with optional fraction ("01:02:03.400"). Returns undefined for anything else.
 */
export function parseTimestamp(raw: string | number | null | undefined): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const match = /^(\d+):(\d{1,2})(?::(\d{1,2}))?(\.\d+)?$/.exec(text);
  if (!match) return undefined;
  const [, a, b, c, fraction] = match;
  const parts = c === undefined ? [0, Number(a), Number(b)] : [Number(a), Number(b), Number(c)];
  const [hours, minutes, seconds] = parts as [number, number, number];
  if (seconds >= 60 || (c !== undefined && minutes >= 60)) return undefined;
  return hours * 3600 + minutes * 60 + seconds + (fraction ? Number(fraction) : 0);
}

/** Formats seconds as "m:ss" or "h:mm:ss" (how players and chapter lists show time). */
export function formatTimestamp(totalSeconds: number): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = whole % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** Formats a duration for lists: "31 min", "1 h 2 min". */
export function formatDuration(totalSeconds: number | undefined): string {
  if (totalSeconds === undefined || !Number.isFinite(totalSeconds) || totalSeconds <= 0) return '';
  const minutes = Math.round(totalSeconds / 60);
  if (minutes < 60) return `${Math.max(1, minutes)} min`;
  const rest = minutes % 60;
  return rest ? `${Math.floor(minutes / 60)} h ${rest} min` : `${Math.floor(minutes / 60)} h`;
}
