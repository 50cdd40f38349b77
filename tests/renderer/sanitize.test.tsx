// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { looksLikePlainText, sanitizeShowNotes } from '../../renderer/features/episode/sanitize';

function parse(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = sanitizeShowNotes(html);
  return host;
}

describe('sanitizeShowNotes', () => {
  it('drops scripts with their content and every inline handler', () => {
    const host = parse('<p onclick="x()">Hi<script>window.__xss=1</script></p><img src="x" onerror="window.__xss=2">');
    expect(host.querySelector('script')).toBeNull();
    expect(host.textContent).toBe('Hi');
    expect(host.querySelectorAll('[onclick], [onerror], [onload]')).toHaveLength(0);
  });

  it('removes iframes, forms, styles and style attributes', () => {
    const host = parse(
      '<iframe src="https://evil.example"></iframe><form action="/x"><input name="a"></form>' +
        '<style>body{display:none}</style><p style="color:red">text</p>',
    );
    expect(host.querySelector('iframe, form, input, style, [style]')).toBeNull();
    expect(host.textContent).toBe('text');
  });

  it('keeps only http, https and mailto links, all opening outside without opener or referrer', () => {
    const host = parse(
      '<a href="javascript:alert(1)">bad</a><a href="https://good.example/">good</a>' +
        '<a href="mailto:host@example.com">mail</a><a href="data:text/html,hi">data</a>',
    );
    const links = Array.from(host.querySelectorAll('a'));
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      null,
      'https://good.example/',
      'mailto:host@example.com',
      null,
    ]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('keeps http(s) images only', () => {
    const host = parse('<img src="https://cdn.example/a.png" alt="a"><img src="data:image/png;base64,AAAA" alt="b">');
    expect(Array.from(host.querySelectorAll('img')).map((image) => image.alt)).toEqual(['a']);
  });

  it('tells plain-text notes (whose newlines must show) from HTML', () => {
    expect(looksLikePlainText('0:00 Intro\n1:38 Socket vs Connections')).toBe(true);
    expect(looksLikePlainText('<p>0:00 Intro</p>')).toBe(false);
    expect(looksLikePlainText('line<br>line')).toBe(false);
  });

  it('turns timestamps into Play from buttons: within the episode, not in links, clock times or longer numbers', () => {
    const host = document.createElement('div');
    host.innerHTML = sanitizeShowNotes(
      '<p>0:00 Intro<br>12:30 Pools, see <a href="https://x.example/12:30">12:30</a><br>' +
        '1:02:03 Late<br>We met at 4:20 PM, version 1:2:3:4, ratio 3:2.5, and 59:99.</p>' +
        '<p data-seconds="5"><button data-seconds="7">feed button</button> 2:00:00 is past the end</p>',
      { timestampsUpTo: 3900 },
    );
    const buttons = [...host.querySelectorAll('button')];
    expect(
      buttons.map((button) => [button.textContent, button.dataset.seconds, button.getAttribute('aria-label')]),
    ).toEqual([
      ['0:00', '0', 'Play from 0:00'],
      ['12:30', '750', 'Play from 12:30'],
      ['1:02:03', '3723', 'Play from 1:02:03'],
    ]);
    // The feed's own buttons and data attributes never survive.
    expect(host.querySelectorAll('[data-seconds]')).toHaveLength(3);
    expect(host.textContent).toContain('feed button 2:00:00 is past the end');
    // Without the option the notes have no buttons at all.
    expect(sanitizeShowNotes('0:00 Intro')).not.toContain('<button');
  });
});
