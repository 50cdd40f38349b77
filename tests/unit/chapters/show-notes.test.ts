import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chaptersFromShowNotes, showNotesToText } from '../../../shared/chapters.js';
import { fixture, seedEpisodes } from './fixtures.js';

/** [start, title] pairs: what a listener sees in the chapter list. */
const pairs = (notes: string, duration?: number) =>
  chaptersFromShowNotes(notes, duration).map((c) => [c.start, c.title] as const);

const SOCKET_CHAPTERS = [
  [0, 'Intro'],
  [98, 'Socket vs Connections'],
  [470, 'SYN and Accept Queue'],
  [1136, 'Socket Sharding'],
  [1394, 'Receive and Send buffers'],
  [1620, 'Summary'],
];

describe('chaptersFromShowNotes: the seed episodes (real show notes)', () => {
  const seed = new Map(seedEpisodes().map((episode) => [episode.title, episode]));
  const chaptersOf = (title: string) => {
    const episode = seed.get(title);
    if (!episode) throw new Error(`seed episode missing: ${title}`);
    return pairs(episode.notes, episode.durationSeconds);
  };

  it('reads all ten seed episodes', () => {
    expect(seed.size).toBe(10);
  });

  it('"Socket management and Kernel Data structures": flattened text glued to the previous word', () => {
    expect(chaptersOf('Socket management and Kernel Data structures')).toEqual(SOCKET_CHAPTERS);
  });

  it('"MySQL is having a bumpy journey": 6 chapters, version numbers stay in titles', () => {
    expect(chaptersOf('MySQL is having a bumpy journey')).toEqual([
      [0, 'Intro'],
      [120, 'MySQL 8.0 vs 5.7 Performance'],
      [660, 'Critical Crash in 8.0.38, 8.4.1 and 9.0.0'],
      [940, 'Is 8.4 better than 8.0.36?'],
      [990, 'More Features = More Bugs'],
      [1350, 'Summary and my thoughts'],
    ]);
  });

  it('"How many kernel calls in NodeJS vs Bun vs Python vs native C": 7 chapters, one-letter title', () => {
    expect(chaptersOf('How many kernel calls in NodeJS vs Bun vs Python vs native C')).toEqual([
      [0, 'Intro'],
      [300, 'Code Explanation'],
      [390, 'Python'],
      [570, 'NodeJS'],
      [750, 'BunJS'],
      [792, 'C'],
      [960, 'Summary'],
    ]);
  });

  it('"When do you use threads?": the numbered prose "1) IO blocking task" is not a chapter', () => {
    expect(chaptersOf('When do you use threads?')).toEqual([
      [0, 'Intro'],
      [100, 'What are threads?'],
      [430, 'IO blocking Tasks'],
      [1050, 'CPU Intensive Tasks'],
      [1320, 'Large volume of small tasks'],
    ]);
  });

  it.each([
    "Cloudflare's 150ms global cache purge | Deep Dive",
    'Sequential Scans in Postgres just got faster',
    'Does discipline work?',
    'The genius of long polling',
    'Six stages of a good software engineer',
    'This new Linux patch can speed up Reading Requests',
  ])('"%s" has no chapters', (title) => {
    expect(chaptersOf(title)).toEqual([]);
  });
});

describe('chaptersFromShowNotes: shapes real shows use', () => {
  it.each([
    ['0:00 Intro\n1:38 Socket vs Connections', [0, 98]],
    ['00:00 - Intro\n01:38 - Socket vs Connections', [0, 98]],
    ['(00:00) Intro\n(01:38) Socket vs Connections', [0, 98]],
    ['[00:00:00] Intro\n[00:01:38] Socket vs Connections', [0, 98]],
    ['0:00 Intro\n1:02:03 Q&A', [0, 3723]],
    ['00:00:00 — Intro\n00:12:30 — Title', [0, 750]],
    ['Intro - 0:00\nSocket vs Connections - 1:38', [0, 98]],
    ['Intro (0:00)\nSocket vs Connections (1:38)', [0, 98]],
    ['0:00 Intro\n2;00 HTTP Smuggling', [0, 120]],
    ['<p>0:00 Intro</p><p>1:38 Socket vs Connections</p>', [0, 98]],
    ['0:00 Intro<br/>1:38 Socket vs Connections', [0, 98]],
    ['<ul><li>0:00 Intro</li><li>1:38 Socket vs Connections</li></ul>', [0, 98]],
    ['timestamps0:00 Intro1:38 Socket vs Connections', [0, 98]],
    ['0:00 Intro 1:38 Socket vs Connections 7:50 SYN and Accept Queue', [0, 98, 470]],
  ])('%j → starts %j', (notes, starts) => {
    const chapters = chaptersFromShowNotes(notes);
    expect(chapters.map((c) => c.start)).toEqual(starts);
    expect(chapters[0]?.title).toBe('Intro');
    expect(chapters.every((c) => c.source === 'show-notes')).toBe(true);
  });

  it('titles that merely begin like "am", "pm" or "min" are kept', () => {
    expect(pairs('0:00 AMA with listeners\n5:00 PM2 and systemd\n9:00 Minecraft servers')).toEqual([
      [0, 'AMA with listeners'],
      [300, 'PM2 and systemd'],
      [540, 'Minecraft servers'],
    ]);
  });

  it('titles lose separators and whitespace on both sides', () => {
    expect(pairs('00:00 —  Intro  |\n0:30 :: Part one –\n1:00 | Part two -')).toEqual([
      [0, 'Intro'],
      [30, 'Part one'],
      [60, 'Part two'],
    ]);
  });

  it('Anchor HTML with timestamps as links (#t= and YouTube &t=)', () => {
    expect(pairs(fixture('anchor-socket-management-html.txt'), 31 * 60)).toEqual(SOCKET_CHAPTERS);
  });

  it('a typo ";" for ":" in the middle of an HTML list', () => {
    expect(pairs(fixture('http-smuggling-typo-html.txt'), 1800)).toEqual([
      [0, 'Intro'],
      [120, 'HTTP Smuggling'],
      [525, 'Content-Length vs Transfer-Encoding'],
      [860, 'CL.TE and TE.CL'],
      [1265, 'HTTP/2 downgrade'],
      [1660, 'Summary'],
    ]);
  });

  it('title first with -, –, —, : and | before the time', () => {
    expect(pairs(fixture('title-first.txt'))).toEqual([
      [0, 'Intro'],
      [252, 'Why a rewrite?'],
      [690, 'The new config format'],
      [1145, 'Hot reload'],
      [1908, 'Listener questions'],
      [2650, 'Wrap-up'],
    ]);
  });

  it('title first with the time in brackets, as <li> items', () => {
    expect(pairs(fixture('title-first-brackets-html.txt'))).toEqual([
      [0, 'Welcome'],
      [205, 'Lexing'],
      [542, 'Parsing with Pratt'],
      [1060, 'Code generation'],
      [1518, "What we'd do differently"],
    ]);
  });

  it('[hh:mm:ss] separated by <br>, entities decoded', () => {
    expect(pairs(fixture('hours-brackets-html.txt'), 5400)).toEqual([
      [0, 'Introduction'],
      [271, 'Storage engines 101'],
      [1082, 'LSM trees vs B-trees'],
      [2870, 'Write amplification & compaction'],
      [3723, 'Q&A'],
      [5380, 'Closing thoughts'],
    ]);
  });

  it('(mm:ss) – title with numeric entities; a recording time after the list is not a chapter', () => {
    expect(pairs(fixture('parenthesised-dashes-html.txt'))).toEqual([
      [0, 'Cold open'],
      [45, 'Who we are'],
      [370, 'Pager fatigue'],
      [930, 'Writing runbooks people read'],
      [1795, 'Blameless postmortems'],
    ]);
  });

  it('ranges "00:00 - 02:15 Intro" use the start of the range', () => {
    expect(pairs(fixture('ranges.txt'))).toEqual([
      [0, 'Intro'],
      [135, 'Why queues?'],
      [640, 'Kafka vs RabbitMQ'],
      [1325, 'Picking one'],
    ]);
  });

  it('numbered and bulleted lines', () => {
    expect(pairs(fixture('bullets-numbered-markdown.txt'))).toEqual([
      [0, 'Welcome and news'],
      [220, 'The Postgres 17 release'],
      [730, 'Vacuum, finally understood'],
      [1545, 'Listener mail'],
    ]);
  });

  it('a list that starts after an ad break is kept when it has 3+ entries within 10 % of the episode', () => {
    expect(pairs(fixture('late-start.txt'), 2700).map(([start]) => start)).toEqual([72, 570, 1307, 1985]);
    // Without a duration the late start cannot be judged: nothing.
    expect(pairs(fixture('late-start.txt'))).toEqual([]);
  });

  it('an out-of-order typo is dropped, the rest of the list kept', () => {
    expect(pairs(fixture('outlier.txt')).map(([start]) => start)).toEqual([0, 190, 920, 1360]);
  });

  it('a list repeated later in the notes is read once', () => {
    expect(pairs(fixture('repeated-list-html.txt')).map(([start]) => start)).toEqual([0, 98, 470]);
  });

  it('a list interrupted by link lists under its entries (three or more lines between two entries)', () => {
    const links = (n: number) =>
      `<ul>${Array.from({ length: n }, (_, i) => `<li><a href="https://e.x/${i}">Link ${i}</a></li>`).join('')}</ul>`;
    const notes =
      `<p><strong>0:00</strong> - Cold open</p><p><strong>4:00</strong> - Introductions</p>${links(4)}` +
      `<p><strong>20:00</strong> - Compilers</p>${links(8)}<p><strong>41:30</strong> - Picks</p>${links(3)}`;
    expect(pairs(notes, 3000)).toEqual([
      [0, 'Cold open'],
      [240, 'Introductions'],
      [1200, 'Compilers'],
      [2490, 'Picks'],
    ]);
  });

  it('…but a time-first line far below the list (13+ lines) starts a list of its own', () => {
    const prose = Array.from({ length: 13 }, (_, i) => `Paragraph ${i} about something else.`).join('\n');
    expect(pairs(`0:00 Intro\n5:00 Topic\n${prose}\n2:00 Quoted elsewhere`, 600)).toEqual([
      [0, 'Intro'],
      [300, 'Topic'],
    ]);
  });

  it('a time-first list may start late when it has 3+ sorted entries and reaches the second half', () => {
    const notes = 'News first.\n11:40 Interview\n29:05 Life on the rock\n47:30 Storms\n1:08:15 The last keepers';
    expect(pairs(notes, 4860).map(([start]) => start)).toEqual([700, 1745, 2850, 4095]);
    // Two entries, or no duration to judge by: nothing.
    expect(pairs('14:00 Main topic\n52:00 Listener builds', 5400)).toEqual([]);
    expect(pairs(notes)).toEqual([]);
  });

  it('a late list must cover the episode: a schedule in the first minutes of it is not one', () => {
    expect(pairs(fixture('schedule.txt'), 3600)).toEqual([]);
    expect(pairs(fixture('schedule.txt'), 1300).map(([start]) => start)).toEqual([540, 570, 615, 660]);
  });

  it('title-first lists never start late: ordered track lengths and Bible verses are not chapters', () => {
    const tracks = 'Quiet Harbour – Low Tide (2:48)\nNight Drive (4:12)\nSea Glass (5:58)\nLoop Theory (7:01)';
    expect(pairs(tracks, 7200)).toEqual([]);
    expect(pairs('John 3:16\nRomans 8:28\nLuke 10:27\nHebrews 11:16', 3600)).toEqual([]);
  });

  it('two timestamps on one line written alike, the second followed by a title, are two chapters', () => {
    expect(pairs('(00:00:00) Intro\n(00:23:50) Brain maps 00:26:00: Wearing prisms\n(00:48:12) Sleep')).toEqual([
      [0, 'Intro'],
      [1430, 'Brain maps'],
      [1560, 'Wearing prisms'],
      [2892, 'Sleep'],
    ]);
    expect(pairs('[00:00] Intro [01:30] News\n[08:10] Rust')).toEqual([
      [0, 'Intro'],
      [90, 'News'],
      [490, 'Rust'],
    ]);
  });

  it('titles may hold colons, digits and words that begin like units', () => {
    expect(pairs('00:00:00 Intro\n00:12:04 Part 1: The heist\n00:45:52 Min:ion\n01:02:10 3:2 Ratio')).toEqual([
      [0, 'Intro'],
      [724, 'Part 1: The heist'],
      [2752, 'Min:ion'],
      [3730, '3:2 Ratio'],
    ]);
  });

  it('titles decode every HTML entity', () => {
    expect(pairs('<p>00:00 Gi&#7899;i thi&#7879;u</p><p>04:10 B&aacute;nh m&igrave; v&agrave; n&acirc;n</p>')).toEqual([
      [0, 'Giới thiệu'],
      [250, 'Bánh mì và nân'],
    ]);
  });

  it('an entry listed out of order is sorted into place; one past the end of the list is a typo', () => {
    expect(pairs('0:00 Intro\n5:00 News\n45:00 Questions\n20:00 Interview\n52:30 Outro')).toEqual([
      [0, 'Intro'],
      [300, 'News'],
      [1200, 'Interview'],
      [2700, 'Questions'],
      [3150, 'Outro'],
    ]);
    expect(pairs('15:00 Sponsor\n0:00 Welcome\n8:20 Maps\n27:45 Projections').map(([start]) => start)).toEqual([
      0, 500, 900, 1665,
    ]);
  });

  it('a list is written one way: a sentence ending in a time does not join "Title – 0:00" entries', () => {
    const notes = 'Intro – 00:00\nTea – 03:40\nOolong – 16:05\nBrewing – 33:30\n\nOur tasting is Thursday at 19:00';
    expect(pairs(notes, 2460).map(([, title]) => title)).toEqual(['Intro', 'Tea', 'Oolong', 'Brewing']);
    // Written without a separator, the same entries are still a list.
    expect(pairs('Intro 00:00\nTea 03:40\nOolong 16:05', 2460).map(([start]) => start)).toEqual([0, 220, 965]);
  });

  it('repeated starts keep the first entry', () => {
    expect(pairs('0:00 Intro\n0:00 Cold open\n3:00 Ad\n3:00 Part one\n14:20 Tasting')).toEqual([
      [0, 'Intro'],
      [180, 'Ad'],
      [860, 'Tasting'],
    ]);
  });

  it('in one-per-line notes, a time inside a title stays in the title', () => {
    expect(pairs('0:00 Intro\n5:00 Why 10:30 is the new 9:00')).toEqual([
      [0, 'Intro'],
      [300, 'Why 10:30 is the new 9:00'],
    ]);
  });
});

describe('chaptersFromShowNotes: what is not a chapter list', () => {
  it.each([
    ['a lone time', 'Let us meet at 10:30 tomorrow.'],
    ['a lone time at the end of a line', 'Meet at 10:30'],
    ['a single chapter', '0:00 Intro'],
    ['durations', 'Purge in under 150ms, the video is 29min, the episode 1h 2min.'],
    ['version numbers', 'Critical crash in 8.0.38, 8.4.1 and 9.0.0; upgrade from 5.7.'],
    ['prose with times, versions and ratios', fixture('prose-times.txt')],
    ['a day schedule (does not start near 0)', fixture('schedule.txt')],
    ['times of day with am/pm', '0:00 am breakfast\n1:30 pm lunch'],
    ['durations written with a colon', 'Run 0:30 min easy\nthen 1:30 minutes hard'],
    ['too many digit groups', '10:30:45:12 and 1:2:3'],
    ['decreasing times', '5:00 Later\n0:30 Earlier'],
    ['clock times in German prose', 'Live jeden Dienstag um 20:00 Uhr\n20:00 Uhr Begrüßung\n20:15 Uhr Fahrplan'],
    ['times of day with PM', 'Doors at 4:20 PM\n0:00 PM Doors\n0:45 PM Talk'],
    ['a lone "skip to"', 'Not into the news? Skip to 52:20 for the interview.'],
    ['times inside URLs', 'Clip one: https://v.example/w?t=0:45\nClip two: https://v.example/w?t=3:10'],
    ['a track length in parentheses', 'Now playing: Night Drive (4:12)\nNext: Sea Glass (3:58)'],
    ['scores', 'Kiel - Flensburg 28:25\nBerlin - Magdeburg 31:30\nThe Lakers won 102:98'],
    ['dates', 'Recorded 2024-03-12, published 12.03.2024; next show 2024-04-02T19:30:00Z.'],
    ['an empty string', ''],
    ['only markup', '<p><br></p><ul><li></li></ul>'],
  ])('%s', (_why, notes) => {
    expect(chaptersFromShowNotes(notes)).toEqual([]);
  });

  it('timestamps past the duration are dropped, and a list left with one entry is no list', () => {
    expect(pairs('0:00 Intro\n12:00 Middle\n45:00 Past the end', 1800)).toEqual([
      [0, 'Intro'],
      [720, 'Middle'],
    ]);
    expect(pairs('0:00 Intro\n45:00 Past the end', 1800)).toEqual([]);
  });

  it('times with no title are not chapters', () => {
    expect(chaptersFromShowNotes('0:00\n1:38\n7:50')).toEqual([]);
  });

  it('Cloudflare notes written as HTML still yield none', () => {
    const notes =
      '<p>Discover how Cloudflare revolutionized its CDN caching with a global cache purge that executes in under 150 ms.</p>' +
      '<p>Explore the intricacies of RockDB &amp; LSM vs BTree. Recorded at 10:30.</p>';
    expect(chaptersFromShowNotes(notes, 3720)).toEqual([]);
  });
});

describe('showNotesToText', () => {
  it('turns block tags into lines and decodes named and numeric entities', () => {
    expect(showNotesToText('<p>A&amp;B &#8211; &#x2014;&nbsp;C</p><p>D<br>E</p><script>1:00 x</script>')).toBe(
      '\nA&B – — C\n\nD\nE\n',
    );
  });

  it('decodes every named HTML entity, not only the common ones', () => {
    expect(showNotesToText('<p>n&acirc;n Th&agrave;nh caf&eacute; &Eacute;t&eacute; &frac12; &hearts;</p>')).toBe(
      '\nnân Thành café Été ½ ♥\n',
    );
  });

  it('leaves unknown entities and bare "<" alone; an invalid number reads as U+FFFD, as in a browser', () => {
    expect(showNotesToText('a < b &bogus; &#0;')).toBe('a < b &bogus; \ufffd');
  });
});

describe('chaptersFromShowNotes: properties', () => {
  const duration = fc.option(fc.double({ min: 1, max: 5 * 3600, noNaN: true }), { nil: undefined });
  const check = (notes: string, seconds: number | undefined) => {
    const chapters = chaptersFromShowNotes(notes, seconds);
    chapters.forEach((chapter, i) => {
      expect(Number.isFinite(chapter.start)).toBe(true);
      expect(chapter.start).toBeGreaterThanOrEqual(0);
      if (seconds !== undefined) expect(chapter.start).toBeLessThan(seconds);
      if (i > 0) expect(chapter.start).toBeGreaterThan(chapters[i - 1]!.start);
      expect(chapter.title).toBe(chapter.title.trim());
      expect(chapter.title.length).toBeGreaterThan(0);
    });
  };

  it('never throws on arbitrary strings; starts sorted and within the duration', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), duration, check), { numRuns: 500 });
  });

  it('never throws on strings built from timestamp-like fragments', () => {
    const fragment = fc.oneof(
      fc.constantFrom(
        '0:00',
        '00:00',
        '1:38',
        '2;00',
        '1:02:03',
        '59:59',
        '99:99',
        '8.0.38',
        '150ms',
        '29min',
        '10:30 am',
      ),
      fc
        .tuple(fc.nat(200), fc.nat(99), fc.option(fc.nat(99)))
        .map(([a, b, c]) => (c === null ? `${a}:${b}` : `${a}:${b}:${c}`)),
      fc.constantFrom(
        ' ',
        '\n',
        '<br>',
        '<p>',
        '</p>',
        '<li>',
        '(',
        ')',
        '[',
        ']',
        ' - ',
        ' — ',
        ' | ',
        ':',
        '&amp;',
        '&#58;',
      ),
      fc.constantFrom('Intro', 'Socket vs Connections', 'Q&A', 'timestamps', 'Summary', 'x'),
    );
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join('')),
        duration,
        check,
      ),
      {
        numRuns: 1000,
      },
    );
  });

  // How long it takes is measured by npm run bench:chapters (a ratio to ordinary notes), not here.
  it('reads hostile input (unclosed tags, thousands of timestamps) into a sorted list without throwing', () => {
    const found = chaptersFromShowNotes(
      '<a'.repeat(50_000) + '0:00 x 0:01 y '.repeat(5_000) + '<script'.repeat(10_000),
    );
    for (let i = 1; i < found.length; i += 1) expect(found[i]!.start).toBeGreaterThan(found[i - 1]!.start);
  });
});
