/** The council's decision among those tied at its line: when a list may be published, and what it proposes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RankedCandidate, SubjectProposal } from '../../shared/domain/candidates.ts';
import { applyCouncilChoice, undecidedTie } from '../../shared/domain/council-choices.ts';
import { computeQuota } from '../../shared/domain/quota.ts';
import { letterheadName } from '../../shared/present/print-layout.ts';

const candidate = (id: string, rank: number): RankedCandidate => ({
  subject: 'individual',
  id,
  name: `Người ${id}`,
  unitCode: 'U',
  unitName: 'Đơn vị U',
  position: '',
  isLeader: false,
  isWoman: false,
  gender: 'male',
  rating: 'HTT',
  points: 9000,
  max: 10000,
  ineligible: null,
  rank,
});

/** A list of `proposed` above the line and `tied` people tied at it for `places` places. */
function subject(proposed: number, tied: number, places: number): SubjectProposal {
  return {
    quota: computeQuota(proposed + places, { numerator: 1, denominator: 1 }, 'down'),
    quotaText: '',
    awardForm: 'BK',
    proposed: Array.from({ length: proposed }, (_, i) => candidate(`P${i}`, i + 1)),
    tiedAtLine: Array.from({ length: tied }, (_, i) => candidate(`T${i}`, proposed + 1)),
    notProposed: [],
    placesForTied: places,
  };
}
const set = (...ids: string[]) => new Set(ids);

describe('a tie at the line, decided or not', () => {
  // Three tied for two places (T0, T1, T2).
  const list = subject(4, 3, 2);
  it.each([
    ['nothing marked', set(), set(), { blank: ['T0', 'T1', 'T2'], overflow: [] }],
    ['one “Có”, the rest blank', set('T0'), set(), { blank: ['T1', 'T2'], overflow: [] }],
    ['one “Có”, one “Không”, one blank', set('T0'), set('T1'), { blank: ['T2'], overflow: [] }],
    ['three “Có” for two places', set('T0', 'T1', 'T2'), set(), { blank: [], overflow: ['T0', 'T1', 'T2'] }],
    ['as many “Có” as places (the third blank)', set('T0', 'T1'), set(), null],
    ['one “Có”, two “Không”', set('T0'), set('T1', 'T2'), null],
    ['“Không” for all', set(), set('T0', 'T1', 'T2'), null],
  ])('%s', (_, chosen, rejected, expected) => {
    const open = undecidedTie(list, chosen, rejected);
    expect(open === null ? null : { blank: open.blank, overflow: open.overflow }).toEqual(expected);
  });

  it('nobody tied: nothing to decide', () => {
    expect(undecidedTie(subject(3, 0, 0), set(), set())).toBeNull();
  });

  it('“Không” for all: none of those tied is proposed, and the tie is over', () => {
    const decided = applyCouncilChoice(list, set(), set('T0', 'T1', 'T2'));
    expect(decided.proposed.map((c) => c.id)).toEqual(['P0', 'P1', 'P2', 'P3']);
    expect(decided.tiedAtLine).toEqual([]);
    expect(decided.notProposed.map((n) => [n.candidate.id, n.code])).toEqual([
      ['T0', 'NOT_CHOSEN'],
      ['T1', 'NOT_CHOSEN'],
      ['T2', 'NOT_CHOSEN'],
    ]);
    // Some left blank: not a decision, the tie stays.
    expect(applyCouncilChoice(list, set(), set('T0', 'T1')).tiedAtLine).toHaveLength(3);
  });

  it('a decided list never proposes more than its quota, and a published one is always decided', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.constantFrom('Có', 'Không', ''), { minLength: 6, maxLength: 6 }),
        (proposed, tied, marks) => {
          const places = Math.max(1, tied - 1);
          const list = subject(proposed, tied, places);
          const chosen = new Set(list.tiedAtLine.filter((_, i) => marks[i] === 'Có').map((c) => c.id));
          const rejected = new Set(list.tiedAtLine.filter((_, i) => marks[i] === 'Không').map((c) => c.id));
          const after = applyCouncilChoice(list, chosen, rejected);
          expect(after.proposed.length).toBeLessThanOrEqual(list.quota.quota);
          if (undecidedTie(list, chosen, rejected) === null) expect(after.tiedAtLine).toEqual([]);
        },
      ),
    );
  });
});

describe('a letterhead name', () => {
  const NBSP = '\u00a0';
  it.each([
    ['Viện kiểm sát nhân dân tỉnh Bắc Ninh', ['VIỆN KIỂM SÁT NHÂN DÂN', 'TỈNH BẮC NINH']],
    ['Viện kiểm sát quân sự Trung ương', ['VIỆN KIỂM SÁT QUÂN SỰ', 'TRUNG ƯƠNG']],
    ['Viện kiểm sát nhân dân tối cao', ['VIỆN KIỂM SÁT NHÂN DÂN', 'TỐI CAO']],
    ['Phòng 1, VKSND tỉnh Bắc Ninh', ['PHÒNG 1', 'VKSND TỈNH BẮC NINH']],
  ])('%s: the kind of body, then its place, each line whole', (name, lines) => {
    expect(letterheadName(name).split('\n')).toEqual(lines.map((l) => l.replaceAll(' ', NBSP)));
    expect(letterheadName(name, false).split('\n')).toEqual(lines);
  });
});
