// Podcast Index JSON transcripts ({"version","segments":[{speaker,startTime,endTime,body}]}), checked with zod.
import { z } from 'zod';
import type { TranscriptCue } from '../../../shared/types.js';
import { tidyCues, UnreadableTranscriptError } from './tidy-cues.js';

/** Seconds; some generators write them as strings ("12.5"). */
const seconds = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^\d+(?:\.\d+)?$/)
      .transform(Number),
  ])
  .pipe(z.number().min(0));

const segmentSchema = z.object({
  // A speaker that is not text is left out rather than costing the segment its words.
  speaker: z.string().optional().catch(undefined),
  startTime: seconds,
  endTime: seconds,
  body: z.string(),
});

const fileSchema = z.object({ segments: z.array(z.unknown()) });

/**
 * Cues of a Podcast Index JSON transcript. Segments are checked one by one: one with a bad time or no
 * body is skipped, the others are kept. The whole file fails only when it is not JSON, has no list of
 * segments, or no segment is usable.
 */
export function parseJsonTranscript(text: string): TranscriptCue[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UnreadableTranscriptError('the JSON file is broken (it is not well-formed JSON).');
  }
  const file = fileSchema.safeParse(data);
  if (!file.success) {
    throw new UnreadableTranscriptError(
      'the JSON file is not a Podcast Index transcript (it has no list of segments).',
    );
  }
  const cues = file.data.segments.flatMap((raw): TranscriptCue[] => {
    const segment = segmentSchema.safeParse(raw);
    if (!segment.success) return [];
    const { speaker, startTime, endTime, body } = segment.data;
    return [{ start: startTime, end: endTime, ...(speaker ? { speaker } : {}), text: body }];
  });
  return tidyCues(cues, 'JSON transcript');
}
