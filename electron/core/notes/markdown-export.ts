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
}

export interface EpisodeNotes {
  episode: ExportEpisode;
  notes: readonly Note[];
  chapters: readonly ChapterMark[];
}

/**
 * One episode's notes as Markdown: "## title", the date and the episode page, then one line per note,
 * `- [m:ss](earmark://episode/<id>?t=<seconds>) text`, under "### chapter" headings (chapters without
 * notes are left out; notes before the first chapter come first, without a heading). Pure.
 */
export function episodeNotesMarkdown({ episode, notes, chapters }: EpisodeNotes): string {
  const lines = [`## ${oneLine(episode.title) || 'Untitled episode'}`, ''];
  const about = [
    episode.publishedAt ? `Published ${episode.publishedAt.slice(0, 10)}` : '',
    episode.link ? `[Episode page](${episode.link})` : '',
  ].filter(Boolean);
  if (about.length > 0) lines.push(about.join(' · '), '');
  for (const group of groupByChapter(notes, chapters)) {
    if (group.notes.length === 0) continue;
    if (group.chapter) lines.push(`### ${oneLine(group.chapter.title) || formatTimestamp(group.chapter.start)}`, '');
    for (const note of group.notes) lines.push(noteLine(note));
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Every episode with notes, in the order given, under one "# Earmark notes" heading. */
export function allNotesMarkdown(episodes: readonly EpisodeNotes[]): string {
  const parts = episodes.filter((e) => e.notes.length > 0).map(episodeNotesMarkdown);
  return `${['# Earmark notes', '', ...parts].join('\n').trimEnd()}\n`;
}

function noteLine(note: Note): string {
  const link = `[${formatTimestamp(note.at)}](${formatDeepLink(note.episodeId, note.at)})`;
  // Later lines of a multi-line note are indented so they stay inside the list item.
  const text = note.text.trim().replace(/\r\n?/g, '\n').split('\n').join('\n  ');
  return text ? `- ${link} ${text}` : `- ${link}`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
