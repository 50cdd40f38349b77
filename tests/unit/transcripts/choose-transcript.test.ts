import { describe, expect, it } from 'vitest';
import { chooseTranscript, transcriptFormat } from '../../../electron/core/transcripts/choose-transcript.js';
import type { TranscriptLink } from '../../../shared/types.js';

const link = (url: string, type: string, extra: Partial<TranscriptLink> = {}): TranscriptLink => ({
  url: `https://example.com/${url}`,
  type,
  ...extra,
});
const chosen = (links: TranscriptLink[], language?: string) => chooseTranscript(links, language)?.url.split('/').pop();

describe('transcriptFormat', () => {
  it('reads the MIME type, ignoring case and parameters', () => {
    expect(transcriptFormat(link('a', 'text/vtt'))).toBe('vtt');
    expect(transcriptFormat(link('a', 'Application/JSON; charset=utf-8'))).toBe('json');
    for (const type of ['application/x-subrip', 'application/srt', 'text/srt']) {
      expect(transcriptFormat(link('a', type))).toBe('srt');
    }
    expect(transcriptFormat(link('a', 'text/html'))).toBe('html');
  });

  it('falls back to the URL’s extension when the type is missing or unknown', () => {
    expect(transcriptFormat(link('t.VTT?token=1', ''))).toBe('vtt');
    expect(transcriptFormat(link('t.srt', 'text/plain'))).toBe('srt');
    expect(transcriptFormat(link('t.json', 'application/octet-stream'))).toBe('json');
    expect(transcriptFormat(link('t.htm', ''))).toBe('html');
    expect(transcriptFormat(link('t.txt', 'text/plain'))).toBeUndefined();
    expect(transcriptFormat(link('t', 'application/pdf'))).toBeUndefined();
  });
});

describe('chooseTranscript', () => {
  it('prefers WebVTT > Podcast Index JSON > SRT > HTML, whatever the feed’s order', () => {
    const all = [
      link('t.html', 'text/html'),
      link('t.srt', 'application/x-subrip'),
      link('t.json', 'application/json'),
      link('t.vtt', 'text/vtt'),
    ];
    expect(chosen(all)).toBe('t.vtt');
    expect(chosen(all.slice(0, 3))).toBe('t.json');
    expect(chosen(all.slice(0, 2))).toBe('t.srt');
    expect(chosen(all.slice(0, 1))).toBe('t.html');
  });

  it('HTML and VTT offered together: VTT wins', () => {
    expect(chosen([link('t.html', 'text/html'), link('t.vtt', 'text/vtt')], 'en')).toBe('t.vtt');
  });

  it('ignores unknown types and addresses that are not on the web; none usable → undefined', () => {
    expect(chosen([link('t.pdf', 'application/pdf'), link('t.html', 'text/html')])).toBe('t.html');
    expect(chooseTranscript([{ url: 'file:///etc/t.vtt', type: 'text/vtt' }])).toBeUndefined();
    expect(chooseTranscript([link('t.txt', 'text/plain')])).toBeUndefined();
    expect(chooseTranscript([])).toBeUndefined();
    expect(chooseTranscript(undefined)).toBeUndefined();
  });

  it('a transcript in the show’s language beats a better format in another language (primary subtags match)', () => {
    const offered = [
      link('es.vtt', 'text/vtt', { language: 'es' }),
      link('en.html', 'text/html', { language: 'en-GB' }),
    ];
    expect(chosen(offered, 'en-us')).toBe('en.html');
    expect(chosen(offered, 'EN')).toBe('en.html');
    expect(chosen(offered, 'es-MX')).toBe('es.vtt');
  });

  it('a link without a language is in the show’s language; without a show language, format decides', () => {
    const offered = [link('fr.vtt', 'text/vtt', { language: 'fr' }), link('plain.srt', 'application/srt')];
    expect(chosen(offered, 'en')).toBe('plain.srt');
    expect(chosen(offered)).toBe('fr.vtt');
  });

  it('a transcript only in another language is still chosen', () => {
    expect(chosen([link('de.json', 'application/json', { language: 'de' })], 'en-us')).toBe('de.json');
  });

  it('rel="captions" breaks a tie; then the feed’s order', () => {
    const plain = link('plain.vtt', 'text/vtt');
    const captions = link('captions.vtt', 'text/vtt', { rel: 'Captions' });
    expect(chosen([plain, captions])).toBe('captions.vtt');
    expect(chosen([plain, link('second.vtt', 'text/vtt')])).toBe('plain.vtt');
    // captions never beats a better format
    expect(chosen([link('c.srt', 'text/srt', { rel: 'captions' }), link('t.json', 'application/json')])).toBe('t.json');
  });

  it('answers with the format it will read', () => {
    expect(chooseTranscript([link('t', 'text/srt', { language: 'en' })])).toEqual({
      url: 'https://example.com/t',
      type: 'text/srt',
      language: 'en',
      format: 'srt',
    });
  });
});
