import { describe, expect, it } from 'vitest';
import type { Cell } from '../../shared/domain/grid.ts';
import { catalogFor, type Movement, parseMovement } from '../../shared/movement/movement.ts';
import movementJson from '../../shared/movement/movement-2019-2025.json' with { type: 'json' };
import { feedbackTab } from '../../shared/present/feedback.ts';
import { signatureBreak } from '../../shared/present/print-layout.ts';
import { registryWorkbookModel } from '../../shared/present/registry-book.ts';
import type { SheetTab } from '../../shared/present/sheet-model.ts';
import { unitWorkbookModel } from '../../shared/present/unit-template.ts';
import { REGISTRY_LEVELS } from '../../shared/text/sheets.ts';
import { catalog, movement, YEAR } from '../helpers/fixtures.ts';
import { feedbackProblems } from '../helpers/tables.ts';

const individualsOf = (m: Movement, year: number): SheetTab => {
  const c = catalogFor(m, year);
  if (!c) throw new Error(`no catalog for ${year}`);
  const tab = unitWorkbookModel({
    movement: m,
    catalog: c,
    year,
    unit: { code: 'X', name: 'Đơn vị X' },
  }).tabs.find((t) => t.title === 'Cá nhân');
  if (!tab) throw new Error('no individuals tab');
  return tab;
};

/** The legend beside the score table: its header, then one row per criterion. */
function legendOf(tab: SheetTab): Cell[][] {
  const header = tab.rows[0] ?? [];
  const at = header.indexOf('Tiêu chí');
  const rows: Cell[][] = [];
  for (const row of tab.rows) {
    const line = row.slice(at, at + 4);
    if (!line.length || line.every((c) => c === null)) break;
    rows.push(line);
  }
  return rows;
}

describe('the score workbook a clerk fills', () => {
  it('shows every criterion of the movement file beside the scores: code, full title, maximum, whom it applies to', () => {
    for (const year of [2019, 2024]) {
      const c = catalogFor(movement, year);
      const legend = legendOf(individualsOf(movement, year));
      expect(legend[0]).toEqual([
        'Tiêu chí',
        'Nội dung tiêu chí (theo Kế hoạch)',
        'Điểm tối đa',
        'Áp dụng cho',
      ]);
      expect(legend.slice(1)).toEqual(
        c?.individual.items.map((item) => [
          item.code,
          item.title,
          item.maxPoints,
          item.leaderOnly ? 'Chỉ lãnh đạo, quản lý' : 'Mọi cán bộ',
        ]),
      );
    }
  });

  it('takes a new movement’s criteria from its file, with no change to the code', () => {
    const json = structuredClone(movementJson) as { catalogs: { individual: { items: unknown[] } }[] };
    for (const c of json.catalogs)
      c.individual.items = [
        {
          code: 'KN1',
          title: 'Đổi mới sáng tạo trong công việc',
          maxPoints: 40,
          leaderOnly: false,
          weightStatus: 'plan',
        },
        {
          code: 'KN2',
          title: 'Gương mẫu trong thực thi công vụ',
          maxPoints: 60,
          leaderOnly: true,
          weightStatus: 'plan',
        },
      ];
    const other = parseMovement(json);
    const tab = individualsOf(other, YEAR);
    expect(legendOf(tab).slice(1)).toEqual([
      ['KN1', 'Đổi mới sáng tạo trong công việc', 40, 'Mọi cán bộ'],
      ['KN2', 'Gương mẫu trong thực thi công vụ', 60, 'Chỉ lãnh đạo, quản lý'],
    ]);
    expect(tab.rows[0]).toContain('KN2 (tối đa 60 điểm)');
    // The note on each score header holds the criterion's full text.
    const notes = tab.notes?.map((n) => n.text) ?? [];
    expect(notes).toEqual([
      'KN1: Đổi mới sáng tạo trong công việc. Tối đa 40 điểm. Chấm cho mọi cán bộ.',
      'KN2: Gương mẫu trong thực thi công vụ. Tối đa 60 điểm. Chỉ chấm cho người giữ chức vụ lãnh đạo, quản lý.',
    ]);
  });

  it('shades the cells a clerk fills and locks the rest, instructions included', () => {
    const model = unitWorkbookModel({ movement, catalog, year: YEAR, unit: { code: 'X', name: 'Đơn vị X' } });
    const info = model.tabs.find((t) => t.title === 'Thông tin');
    const locked = new Set(info?.lockedCells?.map((c) => `${c.row}:${c.col}`));
    const input = (info?.styles ?? []).filter((s) => s.style.fill === 'input');
    // “Người lập biểu” and the phone (rows 5–6, column B) are the only cells to fill.
    expect(input).toEqual([expect.objectContaining({ fromRow: 5, toRow: 6, fromCol: 1, toCol: 1 })]);
    expect(locked.has('5:1') || locked.has('6:1')).toBe(false);
    for (const row of info?.rows.keys() ?? [])
      if (String(info?.rows[row]?.[1] ?? '').startsWith('1. ')) expect(locked.has(`${row}:1`)).toBe(true);
    const people = model.tabs.find((t) => t.title === 'Cá nhân');
    expect(people?.styles?.some((s) => s.style.fill === 'input' && s.fromRow === 1 && s.fromCol === 0)).toBe(
      true,
    );
    expect(people?.print).toMatchObject({ orientation: 'landscape', repeatRows: { from: 0, to: 0 } });
  });
});

describe('the registry workbook', () => {
  it('says what each column takes, offers the levels as a dropdown, and has instructions', () => {
    const [units, guide] = registryWorkbookModel([]).tabs;
    expect(units?.notes?.map((n) => n.col)).toEqual(units?.rows[0]?.map((_, i) => i));
    expect(units?.notes?.find((n) => n.col === 6)?.text).toContain('mã bảng tính Google Sheets');
    expect(units?.validations?.find((v) => v.col === 3)?.rule).toEqual({
      kind: 'list',
      values: REGISTRY_LEVELS,
    });
    expect(units?.protection).toBe('header');
    expect(guide?.title).toBe('Hướng dẫn');
    expect(guide?.protection).toBe('all');
  });
});

describe('the feedback tab', () => {
  const problem = {
    severity: 'error' as const,
    tab: 'Cá nhân',
    cell: 'I2',
    code: 'OUT_OF_RANGE' as const,
    message: 'Điểm 25 nằm ngoài khoảng cho phép (từ 0 đến 20).',
    who: 'Nguyễn Văn An (CB001)',
    criterion: 'CN1 – Chấp hành nghiêm túc kỷ cương, kỷ luật hành chính',
  };
  const tab = (hasAccepted: boolean) =>
    feedbackTab({
      status: 'rejected',
      year: YEAR,
      checkedAt: '2025-06-10T01:00:00.000Z',
      problems: [problem],
      hasAccepted,
    });

  it('names the person and the criterion of each problem, never its internal code', () => {
    expect(feedbackProblems(tab(true).rows)).toEqual([
      {
        level: 'Lỗi',
        cell: 'Cá nhân!I2',
        who: problem.who,
        criterion: problem.criterion,
        message: problem.message,
      },
    ]);
    expect(JSON.stringify(tab(true).rows)).not.toContain('OUT_OF_RANGE');
  });

  it('says the last accepted workbook is still used only when there is one', () => {
    const text = (t: SheetTab) => t.rows.flat().join(' ');
    expect(text(tab(true))).toContain('Bảng điểm được tiếp nhận lần trước vẫn được dùng');
    expect(text(tab(false))).not.toContain('lần trước');
    expect(text(tab(false))).toContain('chưa có trong danh sách xét khen thưởng');
  });
});

describe('the signature block of a printed list', () => {
  const widths = [5, 6, 22, 15, 28, 7, 8, 7, 16, 30];
  const layout = (people: number) =>
    signatureBreak({
      orientation: 'landscape',
      widths,
      heights: new Map(Array.from({ length: people }, (_, i) => [4 + i, 29] as const)),
      titlesTo: 3,
      bodyFrom: 4,
      bodyTo: 3 + people,
      lastRow: 3 + people + 9,
    });

  it('stays under the list when it fits on the last page', () => {
    expect(layout(3)).toBeUndefined();
    expect(layout(20)).toBeUndefined(); // 16 on the first page, 4 and the block on the second
  });

  it('takes the last rows over to the next page rather than stand alone', () => {
    const at = layout(13);
    expect(at).toBe(4 + 13 - 3);
  });
});
