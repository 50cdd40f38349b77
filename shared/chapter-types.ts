// Contract types for chapters (issue 4): one chapter of an episode and where its list came from.

/** Where a chapter list came from, in the order the chapters service prefers them. */
export type ChapterSource = 'podcast-chapters' | 'psc' | 'embedded' | 'show-notes';

/** One chapter of an episode; start (and end) in seconds from the start of the audio. */
export interface Chapter {
  start: number;
  title: string;
  /** Where the chapter ends, when the source says so (Podcasting 2.0 endTime, ID3 CHAP, MP4). */
  end?: number;
  /** A web page about the chapter (http/https only). */
  href?: string;
  /** Chapter artwork (http/https only). */
  image?: string;
  source?: ChapterSource;
}
