import { describe, expect, it } from 'vitest';
import {
  DownloadError,
  networkError,
  sizeNote,
  statusError,
} from '../../../electron/core/downloads/download-messages.js';
import { ensureFreeSpace } from '../../../electron/core/downloads/free-space.js';
import {
  ifRangeValue,
  isNotAudio,
  parseContentRange,
  parseLength,
  validatorsDiffer,
} from '../../../electron/core/downloads/http-headers.js';
import {
  contentTypeForFile,
  extensionFor,
  finalFileName,
  isEarmarkFileName,
} from '../../../electron/core/downloads/media-names.js';
import { etaSeconds, ProgressMeter } from '../../../electron/core/downloads/progress-meter.js';

describe('download header parsing', () => {
  it('reads Content-Range in its three shapes and rejects nonsense', () => {
    expect(parseContentRange('bytes 100-199/1000')).toEqual({ start: 100, end: 199, total: 1000 });
    expect(parseContentRange('bytes 100-199/*')).toEqual({ start: 100, end: 199 });
    expect(parseContentRange('bytes */1000')).toEqual({ total: 1000 });
    for (const bad of [null, '', 'bytes 5-1/10', 'items 1-2/3', 'bytes=1-2/3'])
      expect(parseContentRange(bad)).toBeUndefined();
  });

  it('reads Content-Length only when it is a plain integer', () => {
    expect(parseLength('1234')).toBe(1234);
    expect(parseLength('-1')).toBeUndefined();
    expect(parseLength('12, 12')).toBeUndefined();
    expect(parseLength(null)).toBeUndefined();
  });

  it('sends a strong ETag as If-Range, else Last-Modified (weak ETags are not allowed there)', () => {
    expect(ifRangeValue('"abc"', 'Mon, 01 Jan 2024 00:00:00 GMT')).toBe('"abc"');
    expect(ifRangeValue('W/"abc"', 'Mon, 01 Jan 2024 00:00:00 GMT')).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
    expect(ifRangeValue(undefined, undefined)).toBeUndefined();
  });

  it('tells web pages from audio', () => {
    expect(isNotAudio('text/html; charset=utf-8')).toBe(true);
    expect(isNotAudio('audio/mpeg')).toBe(false);
    expect(isNotAudio('application/octet-stream')).toBe(false);
    expect(isNotAudio(null)).toBe(false);
  });
});

describe('file names', () => {
  it('come from the id hash and a known extension, never from the URL', () => {
    const name = finalFileName('../../etc/passwd', extensionFor('audio/x-m4a'));
    expect(name).toMatch(/^[0-9a-f]{64}\.m4a$/);
    expect(isEarmarkFileName(name)).toBe(true);
    expect(isEarmarkFileName('../x.mp3')).toBe(false);
    expect(extensionFor('application/octet-stream', 'audio/ogg')).toBe('ogg');
    expect(extensionFor(undefined, 'weird/type')).toBe('mp3');
    expect(contentTypeForFile(name)).toBe('audio/mp4');
  });
});

describe('errors in words', () => {
  it('classifies statuses and network failures', () => {
    expect(statusError(503).kind).toBe('transient');
    expect(statusError(429).kind).toBe('transient');
    expect(statusError(404).kind).toBe('final');
    expect(statusError(418).message).toBe("The server answered 418 I'm a Teapot instead of the episode’s audio file.");
    expect(networkError(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNRESET' } }))).toMatchObject({
      kind: 'transient',
      message: 'The server closed the connection in the middle of the download.',
    });
    const full = networkError(Object.assign(new Error('write'), { code: 'ENOSPC' }));
    expect(full).toMatchObject({ kind: 'final', discardPart: true });
    expect(full.message).toMatch(/^The disk is full/);
  });

  it('explains a shortfall of free space, including the margin Earmark keeps', async () => {
    const MB = 1048576;
    await expect(ensureFreeSpace(async () => 12 * MB, '/', 48 * MB, 0)).rejects.toThrow(
      'Not enough disk space: this episode needs 48 MB, 12 MB free.',
    );
    await expect(ensureFreeSpace(async () => 50 * MB, '/', 48 * MB, 64 * MB)).rejects.toThrow(
      'Not enough disk space: this episode needs 48 MB, 50 MB free (Earmark keeps 64 MB spare).',
    );
    await expect(ensureFreeSpace(async () => 200 * MB, '/', 48 * MB, 64 * MB)).resolves.toBeUndefined();
    await expect(ensureFreeSpace(async () => 0, '/', 0)).resolves.toBeUndefined();
    expect(new DownloadError('x').kind).toBe('final');
  });
});

describe('validatorsDiffer', () => {
  it('compares ETags weakly, else Last-Modified as dates, else tells nothing', () => {
    expect(validatorsDiffer({ etag: '"a"' }, { etag: '"b"' })).toBe(true);
    expect(validatorsDiffer({ etag: '"a"' }, { etag: 'W/"a"' })).toBe(false);
    // The ETag decides when both sides have one, whatever the dates say.
    expect(validatorsDiffer({ etag: '"a"', lastModified: 'x' }, { etag: '"a"', lastModified: 'y' })).toBe(false);
    const monday = 'Mon, 01 Jan 2024 00:00:00 GMT';
    expect(validatorsDiffer({ lastModified: monday }, { lastModified: 'Tue, 02 Jan 2024 00:00:00 GMT' })).toBe(true);
    expect(validatorsDiffer({ lastModified: monday }, { lastModified: 'Monday, 01-Jan-24 00:00:00 GMT' })).toBe(false);
    expect(validatorsDiffer({ etag: '"a"' }, { lastModified: monday })).toBe(false);
    expect(validatorsDiffer({}, { etag: '"a"' })).toBe(false);
  });
});

describe('size notes', () => {
  it('speak only when the size is more than a quarter away from the feed’s', () => {
    expect(sizeNote(300_000, 1_048_576)).toMatch(/^This file is 293 KB, but the feed announces 1 MB\./);
    expect(sizeNote(2_000_000, 1_048_576)).toMatch(/^This file is 1.9 MB/);
    expect(sizeNote(900_000, 1_048_576)).toBeUndefined();
    expect(sizeNote(300_000, undefined)).toBeUndefined();
  });
});

describe('progress meter', () => {
  it('smooths speed and estimates time left', () => {
    const meter = new ProgressMeter(0.5);
    meter.reset(0, 0);
    expect(meter.sample(1000, 1000)).toBe(1000);
    expect(meter.sample(2000, 4000)).toBe(2000); // halfway from 1000 to 3000
    expect(etaSeconds(4000, 10_000, 2000)).toBe(3);
    expect(etaSeconds(4000, undefined, 2000)).toBeUndefined();
    expect(etaSeconds(4000, 10_000, 0)).toBeUndefined();
  });
});
