import { describe, expect, it } from 'vitest';
import { a1, columnLetters } from '../../shared/domain/grid.ts';
import {
  cleanText,
  comparePersonNames,
  compareVietnamese,
  formatHundredths,
  matchKey,
  parseAmount,
} from '../../shared/domain/text.ts';

describe('parseAmount', () => {
  it.each([
    [8, 800],
    [8.5, 850],
    ['8,5', 850],
    ['8.5', 850],
    [' 8,50 ', 850],
    ['20', 2000],
    [0.1 + 0.2, 30],
    ['0,25', 25],
    ['19,99', 1999],
  ])('reads %j as %i hundredths', (input, expected) => {
    expect(parseAmount(input)).toEqual({ ok: true, hundredths: expected });
  });

  it.each([['tám'], ['8,5,1'], [''], [true], [null], ['1e3'], [Number.NaN], ['8 điểm']])(
    'rejects %j as not a number',
    (input) => {
      expect(parseAmount(input)).toEqual({ ok: false, reason: 'notANumber' });
    },
  );

  it('rejects more than two decimals', () => {
    expect(parseAmount('8,125')).toEqual({ ok: false, reason: 'tooManyDecimals' });
  });
});

describe('text normalisation', () => {
  it('folds NFD to NFC and trims stray and non-breaking spaces', () => {
    const nfd = '  Nguyễn\u00A0 Văn   An '.normalize('NFD');
    expect(cleanText(nfd)).toBe('Nguyễn Văn An');
    expect(cleanText(nfd)).toBe('Nguyễn Văn An'.normalize('NFC'));
  });

  it('matches labels without diacritics or case', () => {
    expect(matchKey('MÃ CÁN BỘ')).toBe(matchKey('mã cán bộ'));
    expect(matchKey('Đơn vị')).toBe('don vi');
  });

  it('formats hundredths with a decimal comma', () => {
    expect(formatHundredths(1850)).toBe('18,5');
    expect(formatHundredths(2000)).toBe('20');
    expect(formatHundredths(1905)).toBe('19,05');
  });

  it('collates Vietnamese: Đ after D, names by given name', () => {
    expect(['Đức', 'Dũng', 'An'].sort(compareVietnamese)).toEqual(['An', 'Dũng', 'Đức']);
    expect(['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn Ân'].sort(comparePersonNames)).toEqual([
      'Nguyễn Thị An',
      'Lê Văn Ân',
      'Trần Văn Bình',
    ]);
  });

  it('addresses cells in A1 notation', () => {
    expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(701)]).toEqual([
      'A',
      'Z',
      'AA',
      'ZZ',
    ]);
    expect(a1(6, 7)).toBe('H7');
  });
});
