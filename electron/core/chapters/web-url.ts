/**
 * A web address from untrusted chapter data, resolved against where the data came from. Only http and
 * https are kept: chapter links open in the system browser and images load in the renderer.
 */
export function webUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = base ? new URL(value.trim(), base) : new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
