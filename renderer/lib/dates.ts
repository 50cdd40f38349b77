/** Dates as people read them, in their own locale. */

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

function parse(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "Apr 4, 2025", or '' when the feed gave no usable date. */
export function formatDay(iso: string | undefined): string {
  const date = parse(iso);
  return date ? dayFormat.format(date) : '';
}

/** "Friday, April 4, 2025 at 7:00 AM": for title attributes next to a short form. */
export function formatFull(iso: string | undefined): string {
  const date = parse(iso);
  return date ? fullFormat.format(date) : '';
}

/** "just now", "5 minutes ago", "yesterday", ... */
export function formatAgo(iso: string | undefined, now: Date = new Date()): string {
  const date = parse(iso);
  if (!date) return '';
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['minute', 60],
    ['hour', 3600],
    ['day', 86400],
    ['week', 604800],
    ['month', 2629800],
    ['year', 31557600],
  ];
  let unit: Intl.RelativeTimeFormatUnit = 'minute';
  let size = 60;
  for (const [name, length] of steps) {
    if (Math.abs(seconds) < length) break;
    unit = name;
    size = length;
  }
  return relative.format(Math.round(seconds / size), unit);
}
