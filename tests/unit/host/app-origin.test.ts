// The Electron adapter's URL checks (electron/app-origin.ts imports no Electron, so it runs here).
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, APP_URL, externalWebUrl, isAppUrl } from '../../../electron/app-origin.js';
import { contentSecurityPolicy } from '../../../electron/common/content-security-policy.js';

describe('isAppUrl', () => {
  it('accepts our own pages', () => {
    expect(isAppUrl(APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/`)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/episode?id=1#x`)).toBe(true);
  });

  it.each([
    'app://earmark.evil/',
    'app://evil/earmark',
    'app://earmark:8080/',
    'https://earmark/',
    'file:///earmark/index.html',
    'app:earmark/index.html',
    'about:blank',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('externalWebUrl', () => {
  it('passes http and https links, normalised', () => {
    expect(externalWebUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(externalWebUrl('http://example.com')).toBe('http://example.com/');
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://earmark/', 'ms-msdt:x', 'nope'])(
    'refuses %s',
    (url) => {
      expect(externalWebUrl(url)).toBeUndefined();
    },
  );
});

describe('contentSecurityPolicy', () => {
  it('allows no inline script, eval, plugins or framing', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('adds extra media sources for Electron', () => {
    expect(contentSecurityPolicy(['earmark-media:'])).toContain("media-src 'self' https: http: blob: earmark-media:");
  });
});
