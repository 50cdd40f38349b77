import { formatDeepLink } from '../../../shared/deep-link.js';
import { formatTimestamp } from '../../../shared/time.js';
import type { Note } from '../../../shared/types.js';
import { groupByChapter } from '../../../shared/note-groups.js';
import type { ChapterMark } from '../../../shared/note-groups.js';

/** What the Markdown export says about an episode (a subset of the catalogue's Episode). */
export interface ExportEpisode {
  id: string;
  title: string;
  publishedAt?: string;
  /** The episode's web page, from the feed. */
  link?: string;
  /** The show's title. */
  showTitle?: string;
  /** The episode's audio file: each note also links to it at its moment (a `#t=` media fragment). */
  enclosure?: { url: string };
}

export interface EpisodeNotes {
  episode: ExportEpisode;
  notes: readonly Note[];
  chapters: readonly ChapterMark[];
}

/**
 * One episode's notes as Markdown: "## title", the show, the date and the episode page, then one line
 * per note, `- [m:ss](earmark://episode/<id>?t=<seconds>) ([audio](<enclosure>#t=<seconds>)) text`
 * (and the transcript's words it quotes as `  > quote` under it),
 * under "### chapter" headings (chapters without notes are left out; notes before the first chapter
 * come first, without a heading). The earmark:// link opens Earmark at the moment; the audio link plays
 * it in any browser, where Earmark isn't installed. Pure.
 *
 * Titles and chapter names come from feeds, and notes may hold anything pasted into them, while the
 * file is opened in Markdown viewers that render HTML and follow links. So their text is written to
 * render as written (no HTML, no link syntax, no code spans), and the only links are Earmark's own
 * and http(s) ones: the episode page, and a note's bare or [label](https://…) web links.
 */
export function episodeNotesMarkdown({ episode, notes, chapters }: EpisodeNotes): string {
  const lines = [`## ${plainText(oneLine(episode.title)) || 'Untitled episode'}`, ''];
  const page = webLink(episode.link);
  const show = plainText(oneLine(episode.showTitle ?? ''));
  const about = [
    show ? `From ${show}` : '',
    episode.publishedAt ? `Published ${episode.publishedAt.slice(0, 10)}` : '',
    page ? `[Episode page](${page})` : '',
  ].filter(Boolean);
  if (about.length > 0) lines.push(about.join(' · '), '');
  const audio = webLink(episode.enclosure?.url);
  for (const group of groupByChapter(notes, chapters)) {
    if (group.notes.length === 0) continue;
    if (group.chapter) {
      lines.push(`### ${plainText(oneLine(group.chapter.title)) || formatTimestamp(group.chapter.start)}`, '');
    }
    for (const note of group.notes) lines.push(noteLine(note, audio));
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Every episode with notes, in the order given, under one "# Earmark notes" heading. */
export function allNotesMarkdown(episodes: readonly EpisodeNotes[]): string {
  const parts = episodes.filter((e) => e.notes.length > 0).map(episodeNotesMarkdown);
  return `${['# Earmark notes', '', ...parts].join('\n').trimEnd()}\n`;
}

function noteLine(note: Note, audio: string | undefined): string {
  const seconds = Math.floor(note.at);
  const deepLink = `[${formatTimestamp(note.at)}](${destination(formatDeepLink(note.episodeId, note.at))})`;
  // A fragment of its own: the audio URL's own fragment, if any, would not be a time.
  const link = audio ? `${deepLink} ([audio](${audio.replace(/#.*$/, '')}#t=${seconds}))` : deepLink;
  // Later lines of a multi-line note are indented so they stay inside the list item.
  const text = noteText(note.text.trim().replace(/\r\n?/g, '\n')).split('\n').join('\n  ');
  const line = text ? `- ${link} ${text}` : `- ${link}`;
  // The transcript's words under the note: a block quote may interrupt a paragraph (CommonMark), so
  // it needs no blank line and the list stays tight. Plain text, like the note's.
  const quote = note.quote ? plainText(oneLine(note.quote)) : '';
  return quote ? `${line}\n  > ${quote}` : line;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Text that Markdown shows as written. HTML characters become entities (what every Markdown flavour
 * passes through as text), and an "&" that would start one is escaped too. Backslash escapes take the
 * link brackets and backticks: no link, image, reference definition or code span can start.
 */
function plainText(text: string): string {
  return text
    .replace(/[\\`[\]]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A note's web links, as "[label](https://…)" or bare: kept; the rest of its text is plain. */
const noteLink = /\[([^[\]\n]*)\]\((https?:\/\/[^\s()<>]+)\)/gi;

function noteText(text: string): string {
  let result = '';
  let at = 0;
  for (const match of text.matchAll(noteLink)) {
    const [whole, label = '', address] = match;
    const href = webLink(address);
    const before = plainText(text.slice(at, match.index));
    // "![…](…)" would embed the address as an image, fetched as soon as the file is shown: a link only.
    result += href && before.endsWith('!') ? `${before.slice(0, -1)}\\!` : before;
    result += href ? `[${plainText(label)}](${href})` : plainText(whole);
    at = match.index + whole.length;
  }
  // A bare https://… stays as typed (viewers link it themselves): plainText leaves web addresses intact.
  return result + plainText(text.slice(at));
}

/** An http(s) address, ready to be a link's destination; anything else (javascript:, file:, …) is none. */
function webLink(address: string | undefined): string | undefined {
  if (!address) return undefined;
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? destination(url.href) : undefined;
  } catch {
    return undefined;
  }
}

/** Parentheses would end "(…)" early; a URL keeps its meaning with them percent-encoded. */
const destination = (href: string) => href.replace(/\(/g, '%28').replace(/\)/g, '%29');
