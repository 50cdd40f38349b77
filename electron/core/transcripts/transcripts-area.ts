import type { Handlers } from '../dispatch.js';

/**
 * Transcripts (issue 14). Until the fetching service lands, no episode has one: the episode page shows
 * nothing, as it does for a feed without <podcast:transcript>.
 */
export function transcriptsArea() {
  const handlers = {
    getTranscript: () => ({ status: 'none' as const }),
  } satisfies Partial<Handlers>;
  return { handlers };
}

export type TranscriptsArea = ReturnType<typeof transcriptsArea>;
