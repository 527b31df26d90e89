import { describe, expect, it } from 'vitest';
import { buildProposals } from '../../shared/domain/proposals.ts';
import type { RegistryUnit } from '../../shared/domain/registry.ts';
import type { Submission } from '../../shared/domain/submission.ts';
import { councilDocuments, type DocumentModel, documentText } from '../../shared/present/documents.ts';
import { movement, unit, YEAR } from '../helpers/fixtures.ts';

const units = new Map<string, RegistryUnit>(
  [
    unit('TC', { name: 'Viện kiểm sát nhân dân tối cao', runsCouncil: true, headcount: 0 }),
    unit('T', { name: 'Viện kiểm sát nhân dân tỉnh A', parentCode: 'TC', runsCouncil: true, headcount: 20 }),
    unit('P', { name: 'Phòng 1', parentCode: 'T', headcount: 20 }),
  ].map((u) => [u.code, u]),
);

const submission = (code: string, n: number): Submission => ({
  unitCode: code,
  year: YEAR,
  filledBy: '',
  collective: { items: {}, vetoes: {} },
  people: Array.from({ length: n }, (_, i) => ({
    staffId: `${code}${i}`,
    name: `Nguyễn Văn ${String.fromCharCode(65 + i)}`,
    position: 'Kiểm sát viên',
    isLeader: false,
    gender: 'male',
    rating: 'HTT',
    discipline: 'NONE',
    scores: { CN1: 2000 - i * 10 },
    note: '',
  })),
});

const proposalOf = (code: string, submissions: Map<string, Submission>) => {
  const p = buildProposals({ movement, year: YEAR, units, submissions }).find((c) => c.code === code);
  if (!p) throw new Error(code);
  return p;
};

const text = (docs: DocumentModel[], name: string) =>
  documentText(
    docs.find((d) => d.name.startsWith(name)) ?? { name, title: '', orientation: 'portrait', blocks: [] },
  ).join('\n');

describe('the council’s documents', () => {
  const proposal = proposalOf('T', new Map([['P', submission('P', 20)]]));
  const docs = (date: string) =>
    councilDocuments({
      movement,
      year: YEAR,
      proposal,
      units,
      unread: [],
      date,
    });

  it('are three, named by the council, the list and the arithmetic from the same proposal', () => {
    const all = docs('2025-06-15');
    expect(all.map((d) => d.name)).toEqual(['to-trinh-T', 'danh-sach-T', 'bien-ban-T']);
    const list = text(all, 'danh-sach');
    for (const c of proposal.individuals.proposed) expect(list).toContain(c.name);
    expect(proposal.individuals.proposed).toHaveLength(4); // 10% of 40 (T and P, 20 each)
    expect(list).toContain('II. CÁ NHÂN (4)');
    expect(text(all, 'bien-ban')).toContain(proposal.individuals.quotaText);
  });

  it('go to the council above, and from the sector-level council to the Procurator General', () => {
    expect(text(docs('2025-06-15'), 'to-trinh')).toContain(
      'Kính gửi: Hội đồng Thi đua - Khen thưởng Viện kiểm sát nhân dân tối cao',
    );
    const top = councilDocuments({
      movement,
      year: YEAR,
      proposal: proposalOf('TC', new Map([['P', submission('P', 20)]])),
      units,
      unread: [],
      date: '2025-06-15',
    });
    expect(text(top, 'to-trinh')).toContain('Kính gửi: Viện trưởng Viện kiểm sát nhân dân tối cao');
    expect(text(top, 'to-trinh')).toContain('không có tập thể, cá nhân được đề nghị');
  });

  // An office running thidua alone: its registry's top unit has no row above it.
  it.each([
    ['Tỉnh', 'Hội đồng Thi đua - Khen thưởng Viện kiểm sát nhân dân tối cao'],
    ['Cấp cao', 'Hội đồng Thi đua - Khen thưởng Viện kiểm sát nhân dân tối cao'],
    ['Quân sự quân khu', 'Hội đồng Thi đua - Khen thưởng Viện kiểm sát quân sự trung ương'],
    ['Khu vực', 'Hội đồng Thi đua - Khen thưởng ……………………………………'],
    ['Trung ương', 'Viện trưởng Viện kiểm sát tối cao X'],
    ['', 'Viện trưởng Viện kiểm sát tối cao X'],
  ])('from a registry whose top unit is of level “%s”, go to %s', (level, recipient) => {
    const alone = new Map<string, RegistryUnit>(
      [
        unit('X', { name: 'Viện kiểm sát tối cao X', level, runsCouncil: true, headcount: 10 }),
        unit('X1', { name: 'Phòng 1', parentCode: 'X', headcount: 10 }),
      ].map((u) => [u.code, u]),
    );
    const proposal = buildProposals({
      movement,
      year: YEAR,
      units: alone,
      submissions: new Map([['X1', submission('X1', 10)]]),
    }).find((c) => c.code === 'X');
    if (!proposal) throw new Error('no council X');
    const papers = councilDocuments({
      movement,
      year: YEAR,
      proposal,
      units: alone,
      unread: [],
      date: '2025-06-15',
    });
    expect(text(papers, 'to-trinh')).toContain(`Kính gửi: ${recipient}`);
    expect(text(papers, 'to-trinh')).toContain(`Kính đề nghị ${recipient} xem xét, quyết định./.`);
  });

  it('cite the laws in force on their date, from the movement file', () => {
    const before = text(docs('2025-06-15'), 'to-trinh');
    expect(before).toContain('Nghị định số 98/2023/NĐ-CP');
    expect(before).not.toContain('152/2025');
    const after = text(docs('2025-07-01'), 'to-trinh');
    expect(after).toContain('Nghị định số 152/2025/NĐ-CP');
    expect(after).not.toContain('98/2023');
    expect(after).toContain('Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022');
  });

  it('carry only what the addressee reads: nothing about khóa sổ or what the system does', () => {
    for (const d of docs('2025-06-15')) {
      const body = documentText(d).join('\n');
      expect(body).not.toMatch(/khóa sổ|mở lại|thidua|hệ thống/i);
    }
  });
});
