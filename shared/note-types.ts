// Contract types for notes (issue 5) and the search across notes, show notes, chapter titles and transcripts.

/** A timestamped note, keyed by the episode's stable id; independent of the catalogue (survives re-syncs). */
export interface Note {
  id: string;
  episodeId: string;
  /** Seconds from the start of the episode. */
  at: number;
  /** May be empty: "mark what I just heard" creates a note to fill in later. */
  text: string;
  /** ISO times. */
  createdAt: string;
  updatedAt: string;
  /** The audio the note was taken against, so a changed enclosure can be detected later. */
  enclosureUrl?: string;
  enclosureLength?: number;
  /** The words spoken at the note's moment, from the episode's transcript (or the listener's selection). */
  quote?: string;
}

/** Search across notes, show notes, chapter titles and transcripts: one group per episode. */
export type SearchHitKind = 'note' | 'title' | 'chapter' | 'show-notes' | 'transcript';

export interface SearchHit {
  kind: SearchHitKind;
  /** Where to open the episode: the note's time, the chapter's start, or 0 for the title and show notes. */
  at: number;
  /** Text around the match, "…" where cut. */
  snippet: string;
  /** The match's [start, end) within snippet, for highlighting. */
  match: [number, number];
  /** The whole query matched as a phrase (otherwise every word matched somewhere in the item). */
  exact: boolean;
  noteId?: string;
}

export interface SearchGroup {
  episodeId: string;
  /** Absent when the episode is no longer in the library (its notes are kept). */
  title?: string;
  hits: SearchHit[];
  /** Matches in this episode beyond the hits returned. */
  moreHits: number;
}
