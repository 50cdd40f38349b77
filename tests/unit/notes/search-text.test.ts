/** normalizeText gives exactly the text of its first definition (every white-space run as one space). */
import fc from 'fast-check';
import '../property/seed.js';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../electron/core/notes/search-text.js';

/** The definition the faster replacement must agree with. */
const reference = (text: string) =>
  text
    .replace(/[\u0080-\uffff]+/g, (run) => run.normalize('NFD').replace(/\p{M}/gu, ''))
    .toLowerCase()
    .replace(/\s+/g, ' ');

// Plain spaces and the other white space JavaScript knows, among letters, accents and punctuation.
const pieces = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  'a',
  'B',
  'é',
  'É',
  'ß',
  'İ',
  '.',
  '\u0301',
];

describe('normalizeText', () => {
  it('turns every run of white space into one space, whatever it is made of', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(normalizeText(text)).toBe(reference(text));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(normalizeText(text)).toBe(reference(text));
      }),
    );
  });

  it('folds case and accents', () => {
    expect(normalizeText('Café  ÜBER\tnaïve\n\nX')).toBe('cafe uber naive x');
  });
});
