import { describe, expect, it } from 'vitest';
import { parseSrt, parseVtt } from '../../../electron/core/transcripts/parse-captions.js';
import { parseHtmlTranscript } from '../../../electron/core/transcripts/parse-html.js';
import { parseJsonTranscript } from '../../../electron/core/transcripts/parse-json.js';
import { parseTranscript, sniffFormat } from '../../../electron/core/transcripts/parse-transcript.js';
import { UnreadableTranscriptError } from '../../../electron/core/transcripts/tidy-cues.js';
import { transcriptFixture as fixture } from './fixtures.js';

describe('WebVTT (media-captions)', () => {
  it('reads cues with their speakers from <v> tags and drops every other tag, entities decoded', async () => {
    expect(await parseVtt(fixture('episode.vtt'))).toEqual([
      {
        start: 0,
        end: 4.2,
        speaker: 'Maya Chen',
        text: 'Welcome back to the show about queues and the people who wait in them.',
      },
      {
        start: 4.2,
        end: 9,
        speaker: 'Tomás Ortega',
        text: 'Thanks, Maya. I counted forty-two people ahead of me at the bakery & still smiled.',
      },
      {
        start: 9,
        end: 13.5,
        speaker: 'Maya Chen',
        text: 'Backpressure is what the bakery does when it stops taking orders.',
      },
      // Two voices in one cue: two cues with the same times.
      { start: 13.5, end: 18, speaker: 'Tomás Ortega', text: 'So the line outside is a bounded buffer.' },
      { start: 13.5, end: 18, speaker: 'Maya Chen', text: 'Exactly, with a door as the limit.' },
      // No voice: no speaker; class spans and inline timestamps are markup, their words are kept.
      { start: 18, end: 21, text: 'A listener wrote in about sourdough starters and retries.' },
    ]);
  });

  it('skips cues with bad timestamps (broken start, broken end, ending before they start) and keeps the rest', async () => {
    expect(await parseVtt(fixture('bad-timestamps.vtt'))).toEqual([
      { start: 1, end: 3, text: 'Pelicans fly in lines to save energy.' },
      { start: 10, end: 12, text: 'Their wingtips almost touch the waves.' },
    ]);
  });

  it('keeps overlapping cues, sorted by start (cues starting together keep the file’s order)', async () => {
    const cues = await parseVtt(fixture('overlapping.vtt'));
    expect(cues.map((c) => [c.start, c.end, c.speaker])).toEqual([
      [0, 6, 'Arjun'],
      [5, 9, 'Lena'],
      [5, 7, 'Lena'],
      [8, 12, 'Arjun'],
    ]);
    expect(cues[1]?.text).toBe('The second comet came back early.');
  });

  it('a file without a WEBVTT header still gives its cues; a BOM is no header trouble', async () => {
    expect(await parseVtt('00:01.000 --> 00:02.500\nNo header here.\n')).toEqual([
      { start: 1, end: 2.5, text: 'No header here.' },
    ]);
    expect(await parseVtt('\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nWith a BOM.\n')).toHaveLength(1);
  });

  it('a file with no usable cue is a failure in words', async () => {
    await expect(parseVtt('WEBVTT\n\nNOTE nothing but a note\n')).rejects.toThrow(
      new UnreadableTranscriptError('the WebVTT file holds no words Earmark can show.'),
    );
    await expect(parseVtt('WEBVTT\n\n00:00:xx --> 00:00:02.000\nBroken\n')).rejects.toBeInstanceOf(
      UnreadableTranscriptError,
    );
  });
});

describe('SRT (media-captions)', () => {
  it('reads cues; <i>, <font> and {\\an8} are dropped, lines of a cue joined', async () => {
    expect(await parseSrt(fixture('episode.srt'))).toEqual([
      { start: 0.5, end: 3, text: 'The lighthouse keeper logged every ship by hand.' },
      { start: 3, end: 6.25, text: 'Ink smudged whenever the fog rolled in from the western cliffs.' },
      { start: 6.25, end: 9, text: 'Her logbook survived two storms.' },
      { start: 9, end: 12, text: "Nobody ever asked who kept the keeper's lamp lit." },
    ]);
  });

  it('skips a cue with a bad time, keeps the others', async () => {
    const srt =
      '1\n00:00:01,000 --> 00:00:02,000\nKept.\n\n2\n00:00:zz,000 --> 00:00:04,000\nSkipped.\n\n3\n00:00:05,000 --> 00:00:06,000\nAlso kept.\n';
    expect((await parseSrt(srt)).map((c) => c.text)).toEqual(['Kept.', 'Also kept.']);
  });
});

describe('Podcast Index JSON (zod)', () => {
  it('reads segments with speakers, sorted by start; empty and badly timed segments are skipped', () => {
    expect(parseJsonTranscript(fixture('episode.json'))).toEqual([
      { start: 0, end: 3.5, speaker: 'Priya', text: 'Tide pools hold more life than most aquariums.' },
      { start: 3.5, end: 7.25, speaker: 'Owen', text: 'Starfish can regrow an arm in about a year.' },
      { start: 7.25, end: 11, text: 'Anemones close up when the water drains away.' },
      { start: 11, end: 14, speaker: 'Priya', text: 'Barnacles glue themselves head-first to the rock.' },
    ]);
  });

  it('accepts times written as strings; a speaker that is not text is left out', () => {
    const json = JSON.stringify({
      segments: [{ speaker: 7, startTime: '1.5', endTime: '2', body: 'Numbers as text.' }],
    });
    expect(parseJsonTranscript(json)).toEqual([{ start: 1.5, end: 2, text: 'Numbers as text.' }]);
  });

  it('says in words what is wrong with a file that is not a transcript', () => {
    expect(() => parseJsonTranscript('{"segments": [')).toThrow(
      'the JSON file is broken (it is not well-formed JSON).',
    );
    expect(() => parseJsonTranscript('{"error": "not found"}')).toThrow(/not a Podcast Index transcript/);
    expect(() => parseJsonTranscript('{"segments": [{"startTime": -1, "endTime": 2, "body": "x"}]}')).toThrow(
      'the JSON transcript holds no words Earmark can show.',
    );
  });
});

describe('HTML (htmlparser2, text only)', () => {
  it('one untimed cue per paragraph; <cite> names the next paragraph’s speaker; no markup, script or style survives', () => {
    const cues = parseHtmlTranscript(fixture('episode.html'));
    expect(cues).toEqual([
      { start: 0, end: 0, text: "The clockmaker's apprentice" },
      { start: 0, end: 0, speaker: 'Rosa', text: 'Every clock in the shop ran seven minutes fast, on purpose.' },
      { start: 0, end: 0, speaker: 'Dmitri', text: 'Customers were never late — they were early & grateful.' },
      { start: 0, end: 0, text: 'Mainsprings were wound every Sunday evening.' },
      { start: 0, end: 0, text: 'The apprentice later opened a repair stall by the harbour.' },
    ]);
    const all = JSON.stringify(cues);
    expect(all).not.toMatch(/[<>]|tracker|margin|shop's rent|onclick|0:12/);
  });

  it('a page with no text is a failure', () => {
    expect(() => parseHtmlTranscript('<html><head><title>Empty</title></head><body><p> </p></body></html>')).toThrow(
      'the web page holds no words Earmark can show.',
    );
  });
});

describe('sniffing: the bytes say which format, whatever the labels say', () => {
  it('recognises each format by its start', () => {
    expect(sniffFormat(fixture('episode.vtt'))).toBe('vtt');
    expect(sniffFormat(fixture('episode.srt'))).toBe('srt');
    expect(sniffFormat(fixture('episode.json'))).toBe('json');
    expect(sniffFormat(fixture('episode.html'))).toBe('html');
    expect(sniffFormat('\uFEFF  WEBVTT - with a title\n')).toBe('vtt');
    expect(sniffFormat('00:00:01,000 --> 00:00:02,000\nSRT without numbers')).toBe('srt');
    expect(sniffFormat('00:01.000 --> 00:02.000\nVTT without a header')).toBe('vtt');
    expect(sniffFormat('plain words')).toBeUndefined();
  });

  it('parses by the bytes when the link names another format', async () => {
    const base = { url: 'https://example.com/t', language: 'en' };
    const asVtt = await parseTranscript({ ...base, text: fixture('episode.srt'), linkFormat: 'vtt' });
    expect(asVtt).toMatchObject({ format: 'srt', timed: true, language: 'en', url: base.url });
    expect(asVtt.cues[0]?.text).toBe('The lighthouse keeper logged every ship by hand.');
    const asHtml = await parseTranscript({ ...base, text: fixture('episode.json'), linkFormat: 'html' });
    expect(asHtml).toMatchObject({ format: 'json', timed: true });
    const html = await parseTranscript({ ...base, text: fixture('episode.html'), linkFormat: 'html' });
    expect(html).toMatchObject({ format: 'html', timed: false });
  });

  it('a web page where a timed file should be is an error page, not a transcript', async () => {
    await expect(
      parseTranscript({
        url: 'https://example.com/t.vtt',
        text: '<html><body>Not found</body></html>',
        linkFormat: 'vtt',
      }),
    ).rejects.toThrow('the server sent a web page, not the WebVTT file the feed names.');
  });

  it('text with no sign of a format is read as the link says', async () => {
    await expect(
      parseTranscript({ url: 'https://example.com/t.srt', text: 'just words', linkFormat: 'srt' }),
    ).rejects.toThrow('the SRT file holds no words Earmark can show.');
  });
});
