import { describe, expect, it } from 'vitest';
import { loadFailureText } from '../../renderer/features/player/audio-format';

// Chromium's MediaError for a server that is down, a refused connection or a 404 (code 4).
const unreachable = 'MEDIA_ELEMENT_ERROR: Format error';
// …and for bytes that arrived but are not audio it can decode.
const undecodable = 'PipelineStatus::DEMUXER_ERROR_COULD_NOT_OPEN: FFmpegDemuxer: open context failed';

describe('loadFailureText', () => {
  it('a streamed episode whose server cannot be reached says so and suggests downloading', () => {
    const text = loadFailureText(4, { local: false, offline: false, mediaMessage: unreachable });
    expect(text).toMatch(/^Couldn't reach this episode's audio/);
    expect(text).toMatch(/Download episodes to listen offline/);
    expect(loadFailureText(4, { local: false, offline: false })).toBe(text);
    expect(loadFailureText(2, { local: false, offline: false })).toBe(text);
  });

  it('offline, it says the episode is not downloaded', () => {
    expect(loadFailureText(4, { local: false, offline: true })).toMatch(
      /^You're offline and this episode isn't downloaded/,
    );
  });

  it('audio that arrived but cannot be decoded is a format problem, not a network one', () => {
    expect(loadFailureText(4, { local: false, offline: false, mediaMessage: undecodable })).toMatch(
      /not in a format Earmark can play/,
    );
  });

  it('a downloaded file that fails suggests streaming instead', () => {
    expect(loadFailureText(3, { local: true, offline: true })).toMatch(
      /^Couldn't play the downloaded file: .*Remove the download/,
    );
  });
});
