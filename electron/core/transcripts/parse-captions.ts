// WebVTT and SRT with media-captions (Vidstack's parser, typed, no dependencies, no DOM needed to
// parse): its VTT parser follows the W3C parsing rules, skips cues with bad timestamps and goes on,
// and its cue-text tokenizer gives voice spans (<v Speaker>) as nodes, so no markup is parsed by hand.
import type { VTTNode } from 'media-captions';
import type { TranscriptCue } from '../../../shared/types.js';
import { tidyCues } from './tidy-cues.js';

/** Cues of a WebVTT file; `<v Name>` gives the speaker, other markup is dropped (its text kept). */
export async function parseVtt(text: string): Promise<TranscriptCue[]> {
  return tidyCues(await captionCues(text, 'vtt'), 'WebVTT file');
}

/** Cues of an SRT file; HTML-ish tags (<i>, <font>) and ASS overrides ({\an8}) are dropped. */
export async function parseSrt(text: string): Promise<TranscriptCue[]> {
  return tidyCues(await captionCues(text, 'srt'), 'SRT file');
}

async function captionCues(text: string, type: 'vtt' | 'srt'): Promise<TranscriptCue[]> {
  // Loaded when first needed: it picks its cue class when loaded, from `document` (absent in Node,
  // present in jsdom, where the renderer tests run the real services), and start-up needs none of it.
  const { parseText, tokenizeVTTCue } = await import('media-captions');
  // Not strict: a missing header or one broken cue must not cost the rest of the file.
  const { cues } = await parseText(text.replace(/^\uFEFF/, ''), { type, strict: false });
  return cues.flatMap((cue) => {
    if (type === 'srt') cue.text = cue.text.replace(/\{\\[^}]*\}/g, '');
    return spokenParts(tokenizeVTTCue(cue)).map((part) => ({
      start: cue.startTime,
      end: cue.endTime,
      ...(part.speaker ? { speaker: part.speaker } : {}),
      text: part.text,
    }));
  });
}

/**
 * The cue's words per voice: each `<v Name>` span starts a part of its own (a cue where two people
 * speak becomes two cues with the same times); text outside any span joins the part before it.
 */
function spokenParts(nodes: readonly VTTNode[]): { speaker?: string; text: string }[] {
  const parts: { speaker?: string; text: string }[] = [{ text: '' }];
  const walk = (list: readonly VTTNode[]) => {
    for (const node of list) {
      if (node.type === 'text') parts[parts.length - 1]!.text += node.data;
      // Ruby text is a reading aid above the words, not more words.
      else if (node.type === 'rt') continue;
      else {
        if (node.type === 'v') parts.push({ speaker: node.voice.trim(), text: '' });
        walk(node.children);
      }
    }
  };
  walk(nodes);
  return parts;
}
