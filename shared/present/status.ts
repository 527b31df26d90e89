/**
 * The sector status workbook (“Tình hình nộp bảng điểm”): for the emulation office chasing a
 * deadline, one row per unit — submitted, with errors, missing, unreachable — the units that need a
 * phone call first, a summary per council and for the sector, and the deadline with the days left
 * (a formula the spreadsheet computes when opened). Pure: the states and the registry come in.
 */

import type { Cell } from '../domain/grid.ts';
import { individualCouncilOf, type RegistryUnit } from '../domain/registry.ts';
import { compareVietnamese, formatDate } from '../domain/text.ts';
import { type Movement, submissionDeadlineOf } from '../movement/movement.ts';
import { yearLabel } from '../text/common.ts';
import { STATUS_BOOK as T } from '../text/status-book.ts';
import type { UnitStatus } from './feedback.ts';
import { listTab } from './print-layout.ts';
import type { WorkbookModel } from './sheet-model.ts';

/** Where a unit stands, as its state in the store records it. */
export interface UnitStanding {
  readonly status: UnitStatus;
  readonly errors: number;
  /** When its workbook was last checked, and when a version was last accepted (ISO instants). */
  readonly checkedAt: string | null;
  readonly acceptedAt: string | null;
}

export type StatusState = keyof typeof T.states;

/** The office's four states, in the order the units needing a call come first. */
const ORDER: readonly StatusState[] = ['inaccessible', 'rejected', 'missing', 'accepted'];

export function statusState(status: UnitStatus): StatusState {
  if (status === 'accepted' || status === 'unchanged') return 'accepted';
  if (status === 'inaccessible' || status === 'failed') return 'inaccessible';
  // Another year's workbook: this year's is not there.
  if (status === 'otherYear') return 'missing';
  return status;
}

export interface StatusRow {
  readonly code: string;
  readonly name: string;
  readonly council: string | null;
  readonly cluster: string | null;
  readonly state: StatusState;
  readonly errors: number;
  readonly checkedAt: string | null;
  readonly acceptedAt: string | null;
  readonly link: string | null;
}

export interface StatusInput {
  readonly movement: Movement;
  readonly year: number;
  readonly units: ReadonlyMap<string, RegistryUnit>;
  readonly standings: ReadonlyMap<string, UnitStanding>;
  /** How a unit's workbook is reached (a link on Google, a path locally). */
  readonly link: (unit: RegistryUnit) => string | null;
  /** ISO instant → “28/11/2026 07:40” (Viet Nam time). */
  readonly time: (iso: string) => string;
  /** Councils whose annual list is published (khóa sổ): its number, when and by whom. */
  readonly published?: ReadonlyMap<
    string,
    { readonly version: number; readonly at: string; readonly by: string }
  >;
  /** Councils whose documents could not be written in the last run. */
  readonly documentsFailed?: ReadonlySet<string>;
}

/** Every unit of the registry, the ones to call first. */
export function statusRows(input: StatusInput): StatusRow[] {
  const rows = [...input.units.values()].map((unit): StatusRow => {
    const s = input.standings.get(unit.code);
    return {
      code: unit.code,
      name: unit.name,
      council: individualCouncilOf(input.units, unit.code),
      cluster: unit.cluster,
      state: statusState(s?.status ?? 'missing'),
      errors: s?.errors ?? 0,
      checkedAt: s?.checkedAt ?? null,
      acceptedAt: s?.acceptedAt ?? null,
      link: input.link(unit),
    };
  });
  return rows.sort(
    (a, b) =>
      ORDER.indexOf(a.state) - ORDER.indexOf(b.state) ||
      compareVietnamese(a.council ?? '', b.council ?? '') ||
      compareVietnamese(a.code, b.code),
  );
}

export function statusWorkbookModel(input: StatusInput): WorkbookModel {
  const rows = statusRows(input);
  const year = yearLabel(input.year);
  const deadline = submissionDeadlineOf(input.movement, input.year);
  const latest = rows.reduce<string | null>(
    (max, r) => (r.checkedAt && (!max || r.checkedAt > max) ? r.checkedAt : max),
    null,
  );
  const heading = (title: string) => [
    T.title,
    title,
    `${T.year(year)} — ${input.movement.name}`,
    deadline ? T.deadline(formatDate(deadline)) : T.noDeadline,
    latest ? T.asOf(input.time(latest)) : T.noCheck,
  ];
  const councils = [...new Set(rows.map((r) => r.council))].sort((a, b) =>
    compareVietnamese(a ?? '~', b ?? '~'),
  );
  const count = (list: readonly StatusRow[]): Cell[] => {
    const n = (state: StatusState) => list.filter((r) => r.state === state).length;
    return [
      list.length,
      n('accepted'),
      n('rejected'),
      n('missing'),
      n('inaccessible'),
      list.length ? Math.round((n('accepted') * 1000) / list.length) / 10 : 0,
    ];
  };
  const councilName = (code: string | null) =>
    code ? `${input.units.get(code)?.name ?? code} (${code})` : T.noCouncil;
  const summary = listTab({
    title: T.summaryTab,
    heading: heading(T.summaryTitle),
    header: T.summaryHeader,
    body: [
      ...councils.map((c): Cell[] => {
        const published = c ? input.published?.get(c) : undefined;
        return [
          councilName(c),
          ...count(rows.filter((r) => r.council === c)),
          [
            published ? T.published(published.version, input.time(published.at), published.by) : T.open,
            ...(c && input.documentsFailed?.has(c) ? [T.documentsFailed] : []),
          ].join('; '),
        ];
      }),
      [T.sector, ...count(rows), ''],
    ],
    widths: [36, 9, 10, 8, 9, 12, 12, 26],
    centered: [1, 2, 3, 4, 5, 6],
  });
  const units = listTab({
    title: T.unitsTab,
    heading: heading(T.unitsTitle),
    header: T.unitsHeader,
    body: rows.map((r, i): Cell[] => [
      i + 1,
      r.code,
      r.name,
      r.council,
      r.cluster,
      r.state === 'rejected' && r.acceptedAt ? T.usingEarlier(input.time(r.acceptedAt)) : T.states[r.state],
      r.state === 'rejected' ? r.errors || null : null,
      r.checkedAt ? input.time(r.checkedAt) : null,
      r.acceptedAt ? input.time(r.acceptedAt) : null,
      r.link,
    ]),
    widths: [6, 12, 30, 10, 16, 22, 7, 16, 16, 30],
    centered: [0, 1, 3, 6, 7, 8],
    footnotes: [T.note],
  });
  const sectorRow = summary.bodyTo;
  // The days left, counted by the spreadsheet itself whenever it is opened (heading line 4).
  const formulas = deadline
    ? [
        {
          row: 3,
          col: 0,
          formula: T.deadlineFormula(deadline, formatDate(deadline)),
          result: T.deadline(formatDate(deadline)),
        },
      ]
    : [];
  return {
    tabs: [
      {
        ...summary.tab,
        protection: 'all',
        formulas,
        styles: [
          ...(summary.tab.styles ?? []),
          { fromRow: sectorRow, toRow: sectorRow, fromCol: 0, toCol: 7, style: { bold: true } },
        ],
      },
      { ...units.tab, protection: 'all', formulas },
    ],
  };
}
