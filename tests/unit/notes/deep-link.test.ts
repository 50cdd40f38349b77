import { describe, expect, it } from 'vitest';
import { formatDeepLink, formatHostOpenPath, parseDeepLink } from '../../../shared/deep-link.js';

const ID = '0123456789abcdef';

describe('parseDeepLink', () => {
  it.each([
    [`earmark://episode/${ID}?t=98`, 98],
    [`earmark://episode/${ID}?t=98.5`, 98.5],
    [`earmark://episode/${ID}/?t=1:38`, 98],
    [`earmark://episode/${ID}`, 0],
    [`EARMARK://episode/${ID.toUpperCase()}?t=0`, 0],
    [`/open?episode=${ID}&t=5`, 5],
    [`http://127.0.0.1:5173/open?t=5&episode=${ID}`, 5],
  ])('reads %s', (url, t) => {
    expect(parseDeepLink(url)).toEqual({ episodeId: ID, t });
  });

  it.each([
    ['earmark://episode/xyz?t=5', /"xyz" is not an episode id \(16 hex digits\)/],
    [`earmark://episode/${ID}0?t=5`, /not an episode id/],
    ['earmark://episode/?t=5', /names no episode/],
    ['/open?t=5', /names no episode/],
    ['earmark://settings', /look like earmark:\/\/episode/],
    ['https://example.com/episode', /not an Earmark link/],
  ])('refuses a bad id or shape: %s', (url, message) => {
    expect(parseDeepLink(url)).toEqual({ error: expect.stringMatching(message) });
  });

  it.each([
    [`earmark://episode/${ID}?t=-5`, /negative/],
    [`earmark://episode/${ID}?t=NaN`, /"NaN" is not a time/],
    [`earmark://episode/${ID}?t=abc`, /not a time/],
    [`earmark://episode/${ID}?t=Infinity`, /not a time/],
    [`earmark://episode/${ID}?t=1e9`, /not a time/],
    [`earmark://episode/${ID}?t=999999999`, /longer than any episode/],
  ])('refuses a bad time: %s', (url, message) => {
    expect(parseDeepLink(url)).toEqual({ error: expect.stringMatching(message) });
  });

  it('formats links that parse back (whole seconds, like the m:ss beside them)', () => {
    expect(formatDeepLink(ID, 98.7)).toBe(`earmark://episode/${ID}?t=98`);
    expect(parseDeepLink(formatDeepLink(ID, 98.7))).toEqual({ episodeId: ID, t: 98 });
    expect(formatHostOpenPath(ID, 5)).toBe(`/open?episode=${ID}&t=5`);
    expect(parseDeepLink(formatHostOpenPath(ID, 5))).toEqual({ episodeId: ID, t: 5 });
  });
});
