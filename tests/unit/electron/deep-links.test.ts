import { describe, expect, it } from 'vitest';
import { findDeepLink, readDeepLink } from '../../../electron/deep-links.js';

describe('deep links from the OS', () => {
  it('finds the earmark:// link among the arguments of a (second) launch', () => {
    const argv = ['/opt/Earmark/earmark', '--no-sandbox', 'EARMARK://episode/0123456789abcdef?t=98'];
    expect(findDeepLink(argv)).toBe('EARMARK://episode/0123456789abcdef?t=98');
    expect(findDeepLink(['/opt/Earmark/earmark', '.'])).toBeUndefined();
  });

  it('reads a good link and refuses a bad one with the reason', () => {
    const warnings: string[] = [];
    const warn = (message: string) => warnings.push(message);
    expect(readDeepLink('earmark://episode/0123456789abcdef?t=98', warn)).toEqual({
      episodeId: '0123456789abcdef',
      t: 98,
    });
    expect(readDeepLink('earmark://episode/../../etc?t=1', warn)).toBeUndefined();
    expect(readDeepLink(undefined, warn)).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Ignored the link earmark:\/\/episode\/\.\.\/\.\.\/etc\?t=1: /);
  });
});
