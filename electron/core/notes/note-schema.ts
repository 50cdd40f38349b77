import { z } from 'zod';
import { MAX_LINK_SECONDS } from '../../../shared/deep-link.js';
import { MAX_QUOTE_CHARS } from '../../../shared/transcript-cues.js';

/**
 * One note as stored and as exported. Checked when a file is loaded and when an export is imported,
 * because both come from outside this process (an older Earmark, another machine, a hand edit).
 */
export const noteSchema = z.object({
  id: z.string().min(1, 'id must not be empty').max(200),
  episodeId: z.string().min(1, 'episodeId must not be empty').max(200),
  at: z.number().min(0, 'at must be 0 or more seconds').max(MAX_LINK_SECONDS, 'at is longer than any episode'),
  text: z.string().max(100_000, 'text is longer than 100,000 characters'),
  createdAt: z.iso.datetime({ offset: true, error: 'createdAt must be an ISO date-time' }),
  updatedAt: z.iso.datetime({ offset: true, error: 'updatedAt must be an ISO date-time' }),
  enclosureUrl: z.string().max(4000).optional(),
  enclosureLength: z.number().int().min(0).optional(),
  quote: z.string().max(MAX_QUOTE_CHARS, `quote is longer than ${MAX_QUOTE_CHARS} characters`).optional(),
});
