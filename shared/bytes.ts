/**
 * A size in words, the same in the service's messages and the renderer: 812 KB, 4.6 MB, 48 MB,
 * 1.2 GB (binary units; one decimal below 10, none after a whole number).
 */
export function formatBytes(bytes: number): string {
  const oneDecimal = (value: number) => String(Math.round(value * 10) / 10);
  const kb = bytes / 1024;
  if (kb < 1000) return `${Math.max(0, Math.round(kb))} KB`;
  const mb = kb / 1024;
  if (mb < 10) return `${oneDecimal(mb)} MB`;
  if (mb < 1000) return `${Math.round(mb)} MB`;
  const gb = mb / 1024;
  return `${gb < 10 ? oneDecimal(gb) : Math.round(gb)} GB`;
}
