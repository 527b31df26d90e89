/**
 * A deterministic example sector: the registry and one score workbook per unit, with a handful of
 * typical mistakes. Same seed, same sector. Sized by units and people, so the whole sector
 * (about 1,000 units and 20,000 people) can be simulated too.
 */

import type { Cell } from '../domain/grid.ts';
import type { RegistryUnit } from '../domain/registry.ts';
import { parseAmount } from '../domain/text.ts';
import type { Catalog, Movement } from '../movement/movement.ts';
import type { WorkbookModel } from '../present/sheet-model.ts';
import { unitWorkbookModel } from '../present/unit-template.ts';
import { yearLabel } from '../text/common.ts';
import { GENDER_LABELS, HISTORY_CHOICES, INITIATIVE_LEVELS, NO, TABS, YES } from '../text/sheets.ts';
import { DEPARTMENTS, FAMILY, GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M, PROVINCES } from './names.ts';

export interface ExampleOptions {
  readonly units: number;
  readonly people: number;
  readonly seed: number;
  /** Put the typical mistakes in a few workbooks. */
  readonly withMistakes: boolean;
}

export const EXAMPLE_DEFAULTS: ExampleOptions = { units: 30, people: 600, seed: 2024, withMistakes: true };

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

export interface ExampleUnit extends RegistryUnit {
  /** People listed in this unit's workbook (before mistakes are applied). */
  readonly listed: number;
}

export interface ExampleSector {
  readonly units: ExampleUnit[];
  /** Relative path → workbook model, for every unit that has a workbook file. */
  readonly workbooks: Map<string, WorkbookModel>;
}

function unitsOf(options: ExampleOptions): Omit<ExampleUnit, 'listed' | 'headcount'>[] {
  const units: Omit<ExampleUnit, 'listed' | 'headcount'>[] = [];
  const add = (
    code: string,
    name: string,
    parentCode: string | null,
    level: string,
    runsCouncil: boolean,
    cluster: string | null,
  ) =>
    units.push({
      code,
      name,
      parentCode,
      level,
      runsCouncil,
      cluster,
      workbook: `bang-diem/${code}.xlsx`,
      proposalWorkbook: null,
    });

  add('TC', 'Viện kiểm sát nhân dân tối cao', null, 'Trung ương', true, null);
  for (let i = 1; i <= 5; i++)
    add(
      `TC-V${i}`,
      i === 5 ? 'Văn phòng VKSND tối cao' : `Vụ ${i}, VKSND tối cao`,
      'TC',
      'Đơn vị thuộc VKSNDTC',
      false,
      'Khối các đơn vị thuộc VKSNDTC',
    );
  add('CC1', 'Viện kiểm sát nhân dân cấp cao tại Hà Nội', 'TC', 'Cấp cao', true, 'Khối VKSND cấp cao');
  add('CC1-P1', 'Viện phúc thẩm 1, VKSND cấp cao tại Hà Nội', 'CC1', 'Đơn vị thuộc cấp cao', false, null);
  add('CC1-P2', 'Văn phòng VKSND cấp cao tại Hà Nội', 'CC1', 'Đơn vị thuộc cấp cao', false, null);
  add('QSTW', 'Viện kiểm sát quân sự Trung ương', 'TC', 'Quân sự', true, 'Khối Viện kiểm sát quân sự');
  for (let k = 1; k <= 2; k++) {
    add(`QK${k}`, `Viện kiểm sát quân sự Quân khu ${k}`, 'QSTW', 'Quân sự quân khu', true, null);
    add(
      `QK${k}-KV1`,
      `Viện kiểm sát quân sự khu vực 1, Quân khu ${k}`,
      `QK${k}`,
      'Quân sự khu vực',
      false,
      null,
    );
  }
  const fixed = units.length;
  const perProvince = 1 + DEPARTMENTS.length + 3;
  const provinces = Math.max(2, Math.round((options.units - fixed) / perProvince));
  for (let p = 0; p < provinces; p++) {
    const code = `T${String(p + 1).padStart(2, '0')}`;
    const place = PROVINCES[p % PROVINCES.length] ?? 'Tỉnh';
    const suffix = p >= PROVINCES.length ? ` ${Math.floor(p / PROVINCES.length) + 1}` : '';
    const cluster = `Cụm thi đua số ${(p % 6) + 1}`;
    add(code, `Viện kiểm sát nhân dân tỉnh ${place}${suffix}`, 'TC', 'Tỉnh', true, cluster);
    const departments =
      units.length + DEPARTMENTS.length + 3 <= options.units || p < 2 ? DEPARTMENTS.length : 2;
    for (let d = 0; d < departments; d++)
      add(
        `${code}-P${d + 1}`,
        `${DEPARTMENTS[d]}, VKSND tỉnh ${place}${suffix}`,
        code,
        'Đơn vị thuộc tỉnh',
        false,
        null,
      );
    for (let k = 1; k <= 3 && (units.length < options.units || p < 2); k++)
      add(
        `${code}-KV${k}`,
        `Viện kiểm sát nhân dân khu vực ${k} – ${place}${suffix}`,
        code,
        'Khu vực',
        false,
        null,
      );
  }
  return units;
}

function personName(rng: ReturnType<typeof prng>, woman: boolean): string {
  return `${rng.pick(FAMILY)} ${rng.pick(woman ? MIDDLE_F : MIDDLE_M)} ${rng.pick(woman ? GIVEN_F : GIVEN_M)}`;
}

/** A score in half points, mostly in the upper part of the range, so that ties happen as in life. */
function score(rng: ReturnType<typeof prng>, max: number): number {
  const low = Math.ceil(max * 0.6 * 2);
  return rng.int(Math.max(low, Math.floor(max * 2 * 0.85) - rng.int(0, 4)), max * 2) / 2;
}

export function generateExample(
  movement: Movement,
  catalog: Catalog,
  year: number,
  options: ExampleOptions = EXAMPLE_DEFAULTS,
): ExampleSector {
  // Who people are does not change from year to year; how they did does.
  const rng = prng(options.seed);
  const perf = prng(options.seed * 7919 + year);
  const base = unitsOf(options);
  const perUnit = options.people / base.length;
  const ratings = movement.ratings;
  const none = movement.disciplines.find((d) => !d.isDiscipline)?.label ?? NO;
  const discipline = movement.disciplines.find((d) => d.isDiscipline)?.label ?? 'Khiển trách';
  const units: ExampleUnit[] = [];
  const workbooks = new Map<string, WorkbookModel>();
  let staffCounter = 0;

  for (const unit of base) {
    const listed = Math.max(3, Math.round(perUnit * (0.5 + rng.next())));
    // Every unit declares its headcount (the quota's base); a few have staff not listed (on leave, new).
    const headcount = listed + rng.int(0, 2);
    units.push({ ...unit, headcount, listed });

    const people: Cell[][] = [];
    for (let i = 0; i < listed; i++) {
      const woman = rng.next() < 0.45;
      const isLeader = i < Math.max(1, Math.round(listed / 8));
      const roll = perf.next();
      const rating =
        (roll < 0.2 ? ratings[0] : roll < 0.9 ? ratings[1] : roll < 0.98 ? ratings[2] : ratings[3])?.label ??
        '';
      const scores = catalog.individual.items.map((item) =>
        item.leaderOnly && !isLeader ? null : score(perf, item.maxPoints),
      );
      staffCounter++;
      people.push([
        i + 1,
        `CB${String(staffCounter).padStart(5, '0')}`,
        personName(rng, woman),
        isLeader
          ? i === 0
            ? 'Viện trưởng'
            : 'Phó Viện trưởng'
          : rng.pick(['Kiểm sát viên', 'Kiểm tra viên', 'Chuyên viên', 'Văn thư']),
        isLeader ? YES : NO,
        woman ? GENDER_LABELS.female : GENDER_LABELS.male,
        rating,
        perf.next() < 0.02 ? discipline : none,
        ...scores,
        null,
        '',
      ]);
    }
    const collectiveScores: Cell[] = [
      ...catalog.collective.items.map((item) => score(perf, item.maxPoints)),
      ...catalog.collective.vetoItems.map(() => NO),
    ];
    const info: { year?: Cell; unitCode?: Cell; filledBy?: Cell } = {
      filledBy: personName(perf, perf.next() < 0.5),
    };
    if (options.withMistakes) applyMistakes(unit.code, { people, collectiveScores, info, catalog, year });
    if (options.withMistakes && unit.code === 'QK2-KV1') continue; // this unit has not sent its workbook yet
    const model = unitWorkbookModel({ movement, catalog, year, unit, people, collectiveScores, info });
    workbooks.set(
      unit.workbook ?? '',
      withTotals(model, people, catalog.individual.items.length, unit.code === 'T01-P2'),
    );
  }
  return { units, workbooks };
}

/** Gives the template's total formulas their computed values, as a saved workbook has them. */
function withTotals(
  model: WorkbookModel,
  people: readonly Cell[][],
  items: number,
  typedWrongTotal: boolean,
): WorkbookModel {
  const totals = people.map((row) => {
    const scores = row
      .slice(SCORE_COL, SCORE_COL + items)
      .map(parseAmount)
      .filter((p) => p.ok);
    return scores.length ? scores.reduce((sum, p) => sum + (p.ok ? p.hundredths : 0), 0) / 100 : '';
  });
  return {
    tabs: model.tabs.map((tab) =>
      tab.formulas
        ? {
            ...tab,
            formulas: tab.formulas
              .filter((f) => !(typedWrongTotal && f.row === 3))
              .map((f) => ({ ...f, result: totals[f.row - 1] ?? '' })),
            rows: typedWrongTotal
              ? tab.rows.map((row, r) => (r === 3 ? row.map((c, i) => (i === row.length - 2 ? 99 : c)) : row))
              : tab.rows,
          }
        : tab,
    ),
  };
}

interface MistakeTarget {
  people: Cell[][];
  collectiveScores: Cell[];
  info: { year?: Cell; unitCode?: Cell; filledBy?: Cell };
  catalog: Catalog;
  year: number;
}

const SCORE_COL = 8;

/** The mistakes units really make, each in one workbook of the example. */
function applyMistakes(code: string, t: MistakeTarget): void {
  const set = (row: number, col: number, value: Cell) => {
    const r = t.people[row];
    if (r) r[col] = value;
  };
  switch (code) {
    case 'T01-KV2': {
      // Tolerated: comma decimals typed as text, NFD diacritics, stray spaces, a blank row in the middle.
      set(0, SCORE_COL, '15,5');
      set(1, 2, `  ${String(t.people[1]?.[2] ?? '').normalize('NFD')}  `);
      set(2, SCORE_COL + 1, ' 17,5 ');
      t.people.splice(3, 0, []);
      break;
    }
    case 'T01-KV3':
      set(0, SCORE_COL, 25); // above the maximum of CN1
      set(1, SCORE_COL + 3, 'tám'); // text in a number cell
      set(2, 6, null); // rating missing
      break;
    case 'T02-P1': {
      const copy = [...(t.people[0] ?? [])];
      copy[0] = t.people.length + 1;
      t.people.push(copy); // a person listed twice
      break;
    }
    case 'T02-KV1':
      // A rating typed in words of one's own, not chosen from the list. (Last year's workbook listed
      // in the registry is the office's mistake, not the unit's: see thidua run's “năm khác”.)
      set(0, 6, 'Xuất sắc');
      break;
    case 'T02-KV2':
      t.info.unitCode = 'T02-KV1'; // claims another unit's code
      break;
    case 'TC-V3':
      // The veto item (corruption or waste occurred), where the office has switched the veto on.
      if (t.catalog.collective.vetoItems.length) t.collectiveScores[t.catalog.collective.items.length] = YES;
      break;
  }
}

/**
 * The award history of the example sector, consistent with the yearly results: CSTĐ cơ sở for
 * those rated xuất sắc (theo thành tích), a ministry Bằng khen or a Prime Minister's one for a few
 * before the movement (theo công trạng), thematic awards that must not count toward any chain, a
 * pending discipline for one person; and initiatives recognised for about half of those rated
 * xuất sắc two years running — a realistic mix for the rounds' checklists and reports.
 */
export function generateHistory(
  yearly: ReadonlyMap<number, ExampleSector>,
  movement: Movement,
  seed: number,
): { awards: Cell[][]; initiatives: Cell[][] } {
  const rng = prng(seed * 104_729);
  const excellent = movement.ratings[0]?.label;
  const rows: Cell[][] = [];
  const initiatives: Cell[][] = [];
  const years = [...yearly.keys()].sort();
  const first = years[0] ?? 2019;
  const people = new Map<string, string>();
  const excellentYears = new Map<string, number[]>();
  for (const [year, sector] of [...yearly].sort(([a], [b]) => a - b))
    for (const model of sector.workbooks.values()) {
      const individuals = model.tabs.find((t) => t.title === TABS.individuals);
      for (const row of individuals?.rows.slice(1) ?? []) {
        const id = String(row[1] ?? '');
        if (!id || !row[2]) continue;
        people.set(id, String(row[2]));
        if (row[6] === excellent) {
          excellentYears.set(id, [...(excellentYears.get(id) ?? []), year]);
          rows.push([
            HISTORY_CHOICES.individual,
            id,
            String(row[2]),
            yearLabel(year),
            'CSTDCS',
            HISTORY_CHOICES.achievement,
            `${100 + (year % 100)}/QĐ-VKSTC`,
            `15/07/${year + 1}`,
          ]);
        }
      }
    }
  const award = (
    id: string,
    name: string,
    year: number,
    form: string,
    kind: string,
    decision: string,
    date: string,
  ) => rows.push([HISTORY_CHOICES.individual, id, name, yearLabel(year), form, kind, decision, date]);
  for (const [id, name] of [...people].sort()) {
    const roll = rng.next();
    if (roll < 0.12)
      award(id, name, first - 1, 'BK-VKSTC', HISTORY_CHOICES.merit, '88/QĐ-VKSTC', `20/08/${first}`);
    else if (roll < 0.16)
      award(id, name, first - 1, 'BK-TTG', HISTORY_CHOICES.merit, '1234/QĐ-TTg', `02/09/${first}`);
    else if (roll < 0.2)
      award(id, name, first + 1, 'BK-VKSTC', HISTORY_CHOICES.thematic, '45/QĐ-VKSTC', `10/10/${first + 2}`);
    else if (roll < 0.202)
      rows.push([
        HISTORY_CHOICES.individual,
        id,
        name,
        `${first + 5}–${first + 6}`,
        'Đang xem xét kỷ luật',
        '',
        '',
        '',
      ]);
    // Two excellent years in a row: an initiative recognised in each, for about half of them.
    const excellentRun = excellentYears.get(id) ?? [];
    const pair = excellentRun.find((y) => excellentRun.includes(y + 1));
    if (pair !== undefined && rng.next() < 0.5)
      for (const year of [pair, pair + 1])
        initiatives.push([
          id,
          name,
          INITIATIVE_TITLES[Math.floor(rng.next() * INITIATIVE_TITLES.length)] ?? '',
          yearLabel(year),
          INITIATIVE_LEVELS.base,
          `${20 + (year % 100)}/QĐ-HĐSK`,
          `30/06/${year + 1}`,
        ]);
  }
  return { awards: rows, initiatives };
}

/** Titles of the example's initiatives (sáng kiến) — the kind of work the procuracy recognises. */
const INITIATIVE_TITLES = [
  'Số hóa hồ sơ kiểm sát án hình sự',
  'Sổ tay kiểm sát việc tạm giữ, tạm giam',
  'Mẫu phiếu kiểm sát bản án dân sự',
  'Quy trình tiếp công dân trực tuyến',
  'Bảng theo dõi thời hạn tố tụng tự động',
  'Hướng dẫn kỹ năng xét hỏi tại phiên tòa',
];
