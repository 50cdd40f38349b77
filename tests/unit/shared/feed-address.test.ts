import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api.js';
import { withScheme } from '../../../shared/feed-address.js';

describe('withScheme', () => {
  it('adds https to an address typed without a scheme', () => {
    expect(withScheme('example.com/feed.xml')).toBe('https://example.com/feed.xml');
    expect(withScheme('  www.example.com  ')).toBe('https://www.example.com');
    expect(withScheme('localhost:8080/feed')).toBe('https://localhost:8080/feed');
    expect(withScheme('//cdn.example/feed')).toBe('https://cdn.example/feed');
  });

  it('leaves an address with a scheme as it is, and empty text empty', () => {
    expect(withScheme('http://example.com/feed')).toBe('http://example.com/feed');
    expect(withScheme('HTTPS://example.com/')).toBe('HTTPS://example.com/');
    expect(withScheme('file:///etc/passwd')).toBe('file:///etc/passwd');
    expect(withScheme('   ')).toBe('');
  });

  it('is how the subscribe contract reads an address', () => {
    const url = (value: string) => contract.subscribe.input.safeParse({ url: value });
    expect(url('example.com/feed.xml')).toMatchObject({ success: true, data: { url: 'https://example.com/feed.xml' } });
    expect(url(' http://example.com/a ')).toMatchObject({ success: true, data: { url: 'http://example.com/a' } });
    for (const refused of ['file:///etc/passwd', 'mailto:a@example.com', '', 'not a url', 'x'.repeat(4001)]) {
      expect(url(refused).success, refused).toBe(false);
    }
  });
});
