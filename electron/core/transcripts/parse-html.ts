// HTML transcripts as text only: htmlparser2 reads the page (a forgiving tokenizer, no DOM), and only
// text ever leaves this file, so no markup from a publisher reaches the renderer through a transcript.
import { Parser } from 'htmlparser2';
import type { TranscriptCue } from '../../../shared/types.js';
import { tidyCues } from './tidy-cues.js';

/** Tags that end a paragraph when a browser renders them: each block of text becomes one cue. */
const BLOCKS = new Set([
  ...'p div li dt dd h1 h2 h3 h4 h5 h6 blockquote pre section article'.split(' '),
  ...'header footer main aside tr td th table ul ol dl hr body'.split(' '),
]);

/**
 * Content that is not words of the transcript: code, styles, the page's title; `<time>` is the
 * Podcast Index HTML format's timestamp label (these cues are untimed, so it would only be noise).
 */
const HIDDEN = new Set('script style head title noscript template svg math time'.split(' '));

/**
 * Cues of an HTML transcript, one per paragraph, untimed (start and end 0). A `<cite>` (the Podcast
 * Index HTML format's speaker, "Name:") names the speaker of the paragraph that follows it.
 */
export function parseHtmlTranscript(html: string): TranscriptCue[] {
  const cues: TranscriptCue[] = [];
  let text = '';
  let citeText = '';
  let speaker: string | undefined;
  let hiddenDepth = 0;
  let citeDepth = 0;
  const flush = () => {
    if (!text.trim()) return;
    cues.push(speaker ? { start: 0, end: 0, speaker, text } : { start: 0, end: 0, text });
    text = '';
    speaker = undefined;
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hiddenDepth++;
        else if (name === 'cite') {
          flush();
          citeDepth++;
          citeText = '';
        } else if (name === 'br') text += ' ';
        else if (BLOCKS.has(name)) flush();
      },
      ontext(data) {
        if (hiddenDepth > 0) return;
        if (citeDepth > 0) citeText += data;
        else text += data;
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        else if (name === 'cite') {
          citeDepth = Math.max(0, citeDepth - 1);
          speaker = citeText.replace(/\s+/g, ' ').replace(/:\s*$/, '').trim() || undefined;
        } else if (BLOCKS.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return tidyCues(cues, 'web page');
}
