import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The cookie is named per port: browsers share cookies across ports of one host, so two hosts
 * running at once would otherwise overwrite each other's token.
 */
export const tokenCookieName = (port: number): string => `earmark_token_${port}`;
export const TOKEN_PARAM = 'token';
export const UNAUTHORIZED_MESSAGE = 'Open the link Earmark printed (it carries the access token)';

/** 32 random bytes, URL-safe: the capability that the printed link carries. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison, so response timing reveals nothing about the token. */
export function tokenMatches(candidate: string | undefined, token: string): boolean {
  if (candidate === undefined) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Every value of one cookie in the Cookie header, in the order sent (a name can occur more than once). */
export function readCookies(request: IncomingMessage, name: string): string[] {
  const header = request.headers.cookie;
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

/**
 * True if any cookie of this name holds the token. Another page on 127.0.0.1 (any port) can set
 * a cookie of the same name with a longer Path such as /api; browsers send it first, so reading only
 * the first one would let that page lock the user out. Each value is compared in constant time,
 * and all of them are compared, so timing says nothing about which one matched.
 */
export function cookieHoldsToken(request: IncomingMessage, name: string, token: string): boolean {
  let found = false;
  for (const value of readCookies(request, name)) found = tokenMatches(value, token) || found;
  return found;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/**
 * DNS-rebinding defence: a page on evil.example that rebinds its name to 127.0.0.1 still sends
 * "Host: evil.example", so only our own loopback authorities are accepted.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** The origins a POST may come from: the pages this host serves. */
export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}
