/** Pure builders of the sheets thidua writes: templates, feedback tabs, proposal workbooks. */

import type { Campaign, Catalog, Movement } from '../config/movement.ts';
import type { Eligibility } from './eligibility.ts';
import { type Cell, columnLetters } from './grid.ts';
import { LIMITS } from './limits.ts';
import { cellRef, type Problem } from './problems.ts';
import type {
  ClusterRanking,
  CouncilProposal,
  NotProposed,
  RankedCandidate,
  SubjectProposal,
} from './proposals.ts';
import type { RegistryUnit } from './registry.ts';
import type { RoundCouncil, RoundForm } from './rounds.ts';
import type { SheetTab, WorkbookModel } from './sheet-model.ts';
import { formatHundredths } from './text.ts';
import {
  COLLECTIVE_HEADERS,
  ELIGIBILITY_TEXT,
  FEEDBACK_TEXT,
  GENDERS,
  HISTORY_HEADERS,
  INDIVIDUAL_HEADERS,
  INFO_LABELS,
  NO,
  PROPOSAL_LABELS,
  PROPOSAL_TEXT,
  REGISTRY_HEADERS,
  ROUND_TEXT,
  STATUS_LABELS,
  TABS,
  TEMPLATE_TEXT,
  VETO_ANSWERS,
  YES,
  yearLabel,
} from './vi.ts';

export type UnitStatus = keyof typeof STATUS_LABELS;

/** "28/11/2026 07:40" in Viet Nam's time zone, from an ISO instant passed in (no clock here). */
export function formatVietnamTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

const points = (p: number) => formatHundredths(Math.round(p * 100));

/** Rows of people the template leaves room for (validation and total formulas reach this far). */
export const TEMPLATE_PERSON_ROWS = 300;

export interface UnitTemplateInput {
  readonly movement: Movement;
  readonly catalog: Catalog;
  readonly year: number;
  readonly unit: Pick<RegistryUnit, 'code' | 'name'>;
  /** Pre-filled people rows (example data); empty for a blank template. */
  readonly people?: readonly (readonly Cell[])[];
  readonly collectiveScores?: readonly Cell[];
  readonly info?: { filledBy?: Cell; year?: Cell; unitCode?: Cell };
}

export function individualColumns(catalog: Catalog): string[] {
  return [
    INDIVIDUAL_HEADERS.order,
    INDIVIDUAL_HEADERS.staffId,
    INDIVIDUAL_HEADERS.name,
    INDIVIDUAL_HEADERS.position,
    INDIVIDUAL_HEADERS.leader,
    INDIVIDUAL_HEADERS.gender,
    INDIVIDUAL_HEADERS.rating,
    INDIVIDUAL_HEADERS.discipline,
    ...catalog.individual.items.map((item) => TEMPLATE_TEXT.scoreHeader(item.code, points(item.maxPoints))),
    INDIVIDUAL_HEADERS.total,
    INDIVIDUAL_HEADERS.note,
  ];
}

/** The score workbook of one unit for one year: info, collective criteria, individuals. */
export function unitWorkbookModel(input: UnitTemplateInput): WorkbookModel {
  const { movement, catalog, year, unit } = input;
  const info: SheetTab = {
    title: TABS.info,
    rows: [
      [TEMPLATE_TEXT.title(movement.name)],
      [],
      [INFO_LABELS.unitCode, input.info?.unitCode ?? unit.code],
      [INFO_LABELS.unitName, unit.name],
      [INFO_LABELS.year, input.info?.year ?? yearLabel(year)],
      [INFO_LABELS.filledBy, input.info?.filledBy ?? null],
      [INFO_LABELS.phone, null],
      [],
      [TEMPLATE_TEXT.guide, TEMPLATE_TEXT.guideText],
    ],
    columnWidths: [24, 90],
    headerRows: 1,
    protection: 'header',
    lockedCells: [2, 3, 4, 5, 6, 8].flatMap((row) => [
      { row, col: 0 },
      ...(row <= 4 ? [{ row, col: 1 }] : []),
    ]),
  };

  const collectiveRows: Cell[][] = [
    [
      COLLECTIVE_HEADERS.code,
      COLLECTIVE_HEADERS.title,
      COLLECTIVE_HEADERS.max,
      COLLECTIVE_HEADERS.self,
      COLLECTIVE_HEADERS.reviewed,
      COLLECTIVE_HEADERS.evidence,
      COLLECTIVE_HEADERS.reviewReason,
    ],
  ];
  const collectiveValidations: NonNullable<SheetTab['validations']>[number][] = [];
  catalog.collective.items.forEach((item, index) => {
    collectiveRows.push([
      item.code,
      item.title,
      item.maxPoints,
      input.collectiveScores?.[index] ?? null,
      null,
      null,
      null,
    ]);
    const rule = { kind: 'decimal' as const, min: 0, max: item.maxPoints };
    const message = TEMPLATE_TEXT.validationScore(points(item.maxPoints));
    collectiveValidations.push({ fromRow: index + 1, toRow: index + 1, col: 3, rule, message });
    collectiveValidations.push({ fromRow: index + 1, toRow: index + 1, col: 4, rule, message });
  });
  catalog.collective.vetoItems.forEach((item, index) => {
    const row = catalog.collective.items.length + 1 + index;
    collectiveRows.push([
      item.code,
      item.title,
      TEMPLATE_TEXT.vetoMax,
      input.collectiveScores?.[row - 1] ?? NO,
      null,
      null,
      null,
    ]);
    collectiveValidations.push({
      fromRow: row,
      toRow: row,
      col: 3,
      rule: { kind: 'list', values: VETO_ANSWERS },
      message: TEMPLATE_TEXT.vetoNote,
    });
  });
  const collective: SheetTab = {
    title: TABS.collective,
    rows: collectiveRows,
    columnWidths: [12, 70, 12, 14, 16, 40, 40],
    headerRows: 1,
    protection: 'header',
    validations: collectiveValidations,
    lockedCells: collectiveRows.slice(1).flatMap((_, i) => [0, 1, 2].map((col) => ({ row: i + 1, col }))),
    notes: catalog.collective.vetoItems.map((_, i) => ({
      row: catalog.collective.items.length + 1 + i,
      col: 0,
      text: TEMPLATE_TEXT.vetoNote,
    })),
  };

  const headers = individualColumns(catalog);
  const firstScoreCol = 8;
  const lastScoreCol = firstScoreCol + catalog.individual.items.length - 1;
  const totalCol = lastScoreCol + 1;
  const people = input.people ?? [];
  const rowCount = Math.max(TEMPLATE_PERSON_ROWS, people.length + 50);
  const listRule = (values: readonly string[]) => ({ kind: 'list' as const, values });
  const individuals: SheetTab = {
    title: TABS.individuals,
    rows: [headers, ...people],
    columnWidths: [6, 12, 28, 22, 12, 10, 30, 18, ...catalog.individual.items.map(() => 12), 11, 30],
    headerRows: 1,
    protection: 'header',
    notes: catalog.individual.items.map((item, i) => ({
      row: 0,
      col: firstScoreCol + i,
      text: TEMPLATE_TEXT.criterionNote(item.title, points(item.maxPoints), item.leaderOnly),
    })),
    validations: [
      {
        fromRow: 1,
        toRow: rowCount,
        col: 4,
        rule: listRule([YES, NO]),
        message: TEMPLATE_TEXT.validationList,
      },
      { fromRow: 1, toRow: rowCount, col: 5, rule: listRule(GENDERS), message: TEMPLATE_TEXT.validationList },
      {
        fromRow: 1,
        toRow: rowCount,
        col: 6,
        rule: listRule(movement.ratings.map((r) => r.label)),
        message: TEMPLATE_TEXT.validationList,
      },
      {
        fromRow: 1,
        toRow: rowCount,
        col: 7,
        rule: listRule(movement.disciplines.map((d) => d.label)),
        message: TEMPLATE_TEXT.validationList,
      },
      ...catalog.individual.items.map((item, i) => ({
        fromRow: 1,
        toRow: rowCount,
        col: firstScoreCol + i,
        rule: { kind: 'decimal' as const, min: 0, max: item.maxPoints },
        message: TEMPLATE_TEXT.validationScore(points(item.maxPoints)),
      })),
    ],
    // The total is a convenience for the clerk; thidua recomputes it and never trusts it.
    formulas: Array.from({ length: rowCount }, (_, i) => {
      const r = i + 2;
      const range = `${columnLetters(firstScoreCol)}${r}:${columnLetters(lastScoreCol)}${r}`;
      return { row: i + 1, col: totalCol, formula: `IF(COUNT(${range})=0,"",SUM(${range}))` };
    }),
    lockedCells: Array.from({ length: rowCount }, (_, i) => ({ row: i + 1, col: totalCol })),
  };
  return { tabs: [info, collective, individuals, feedbackPlaceholder()] };
}

/** The registry workbook (Danh mục đơn vị) with its header and the units given. */
export function registryWorkbookModel(units: readonly RegistryUnit[]): WorkbookModel {
  const header = [
    REGISTRY_HEADERS.code,
    REGISTRY_HEADERS.name,
    REGISTRY_HEADERS.parent,
    REGISTRY_HEADERS.level,
    REGISTRY_HEADERS.cluster,
    REGISTRY_HEADERS.council,
    REGISTRY_HEADERS.workbook,
    REGISTRY_HEADERS.headcount,
    REGISTRY_HEADERS.proposal,
  ];
  return {
    tabs: [
      {
        title: TABS.registry,
        rows: [
          header,
          ...units.map((u) => [
            u.code,
            u.name,
            u.parentCode,
            u.level,
            u.cluster,
            u.runsCouncil ? YES : NO,
            u.workbook,
            u.headcount,
            u.proposalWorkbook,
          ]),
        ],
        columnWidths: [14, 50, 18, 14, 24, 16, 40, 12, 40],
        headerRows: 1,
        protection: 'none',
        validations: [
          {
            fromRow: 1,
            toRow: Math.max(units.length + 500, 2000),
            col: 5,
            rule: { kind: 'list', values: [YES, NO] },
            message: TEMPLATE_TEXT.validationList,
          },
        ],
      },
    ],
  };
}

export interface FeedbackInput {
  readonly status: UnitStatus;
  readonly year: number;
  readonly checkedAt: string;
  readonly problems: readonly Problem[];
}

/** The feedback tab as the template ships it, before the first check (so it exists from the start). */
function feedbackPlaceholder(): SheetTab {
  return {
    title: TABS.feedback,
    rows: [[FEEDBACK_TEXT.title], [FEEDBACK_TEXT.status, FEEDBACK_TEXT.notChecked]],
    columnWidths: [22, 10, 18, 30, 100],
    headerRows: 1,
    protection: 'all',
  };
}

/** Problems listed in the feedback tab at most; the rest are counted (a clerk fixes the first ones first). */
const FEEDBACK_MAX_PROBLEMS = LIMITS.feedbackProblems;

/** The “Kiểm tra dữ liệu” tab: status, time of the check, each problem with its cell. */
export function feedbackTab(input: FeedbackInput): SheetTab {
  const errors = input.problems.filter((p) => p.severity === 'error').length;
  const warnings = input.problems.length - errors;
  const rows: Cell[][] = [
    [FEEDBACK_TEXT.title],
    [FEEDBACK_TEXT.status, STATUS_LABELS[input.status]],
    [FEEDBACK_TEXT.year, yearLabel(input.year)],
    [FEEDBACK_TEXT.checkedAt, formatVietnamTime(input.checkedAt)],
    [FEEDBACK_TEXT.counts, `${errors} / ${warnings}`],
    [
      input.status === 'rejected'
        ? FEEDBACK_TEXT.keptPrevious
        : errors === 0 && warnings === 0
          ? FEEDBACK_TEXT.allGood
          : '',
    ],
    [],
    [...FEEDBACK_TEXT.header],
    ...input.problems
      .slice(0, FEEDBACK_MAX_PROBLEMS)
      .map((p, i) => [
        i + 1,
        p.severity === 'error' ? FEEDBACK_TEXT.error : FEEDBACK_TEXT.warning,
        cellRef(p.tab, p.cell),
        p.code,
        p.message,
      ]),
    ...(input.problems.length > FEEDBACK_MAX_PROBLEMS
      ? [[FEEDBACK_TEXT.more(input.problems.length - FEEDBACK_MAX_PROBLEMS)]]
      : []),
  ];
  return {
    title: TABS.feedback,
    rows,
    columnWidths: [22, 10, 18, 30, 100],
    headerRows: 1,
    protection: 'all',
  };
}

export interface ProposalRenderInput {
  readonly movement: Movement;
  readonly year: number;
  readonly proposal: CouncilProposal;
  readonly units: ReadonlyMap<string, RegistryUnit>;
  readonly statuses: ReadonlyMap<string, { status: UnitStatus; errors: number }>;
  /** For the sector-level council: collectives ranked within each cluster or block. */
  readonly clusters?: readonly ClusterRanking[];
}

/** Points and shares go out as numbers, so councils can sort and sum them; the locale shows the comma. */
const num = (hundredths: number) => hundredths / 100;
const share = (c: { points: number; max: number }) =>
  c.max === 0 ? 0 : Math.round((c.points * 10_000) / c.max) / 100;

function subjectSummary(label: string, base: string, s: SubjectProposal, roundingLabel: string): Cell[][] {
  return [
    [label],
    [PROPOSAL_TEXT.base, base],
    [PROPOSAL_TEXT.arithmetic, `${s.quotaText} (${roundingLabel})`],
    [PROPOSAL_TEXT.quota, s.quota.quota],
    [PROPOSAL_TEXT.proposedCount, s.proposed.length],
    [PROPOSAL_TEXT.tiedCount, s.tiedAtLine.length],
    ...(s.quota.quota === 0 ? [[PROPOSAL_LABELS.quotaZero]] : []),
    [],
  ];
}

function collectiveRow(c: RankedCandidate, form: string): Cell[] {
  return [c.rank, c.id, c.name, num(c.points), num(c.max), share(c), form];
}

function personRow(c: RankedCandidate, form: string): Cell[] {
  return [c.rank, c.id, c.name, c.position, c.unitName, num(c.points), num(c.max), share(c), c.rating, form];
}

/** The council's proposal workbook: summary, proposed collectives and people, ties, and the rest with reasons. */
export function proposalWorkbookModel(input: ProposalRenderInput): WorkbookModel {
  const { proposal: p, movement, year, units, statuses } = input;
  const policyNote = movement.quotaPolicies[0]?.source;
  const rounding = PROPOSAL_TEXT.rounding[p.individuals.quota.rounding];
  const collectiveRank = new Map(p.collectives.proposed.map((c) => [c.id, c.rank]));
  const unitCodes = [...new Set([...p.collectiveUnits, ...p.individualUnits])].sort();
  const summary: SheetTab = {
    title: PROPOSAL_LABELS.summaryTab,
    rows: [
      [PROPOSAL_TEXT.title(p.name)],
      [PROPOSAL_TEXT.movement, movement.name],
      [PROPOSAL_TEXT.year, yearLabel(year)],
      [
        PROPOSAL_TEXT.quotaPolicy,
        policyNote ? `${policyNote.document}${policyNote.article ? `, ${policyNote.article}` : ''}` : '',
      ],
      [],
      ...subjectSummary(
        PROPOSAL_TEXT.collectives,
        PROPOSAL_TEXT.collectiveBase(p.collectives.quota.base),
        p.collectives,
        rounding,
      ),
      ...subjectSummary(
        PROPOSAL_TEXT.individuals,
        PROPOSAL_TEXT.individualBase(p.individuals.quota.base, p.headcountFromListing.length),
        p.individuals,
        rounding,
      ),
      [...PROPOSAL_TEXT.unitsHeader],
      ...unitCodes.map((code) => {
        const status = statuses.get(code);
        return [
          code,
          units.get(code)?.name ?? code,
          p.collectiveUnits.includes(code) ? (collectiveRank.get(code) ?? '') : '',
          p.individualUnits.includes(code) ? PROPOSAL_TEXT.yes : '',
          STATUS_LABELS[status?.status ?? 'missing'],
          status?.errors ?? 0,
        ];
      }),
    ],
    columnWidths: [24, 60, 16, 16, 40, 10],
    headerRows: 1,
    protection: 'all',
  };
  const nothing = (rows: Cell[][]) => (rows.length ? rows : [[PROPOSAL_TEXT.nothing]]);
  const collectives: SheetTab = {
    title: PROPOSAL_LABELS.collectivesTab,
    rows: [
      [...PROPOSAL_TEXT.collectiveHeader],
      ...nothing(p.collectives.proposed.map((c) => collectiveRow(c, p.collectives.awardForm))),
    ],
    columnWidths: [8, 14, 50, 10, 12, 10, 50],
    headerRows: 1,
    protection: 'all',
  };
  const individuals: SheetTab = {
    title: PROPOSAL_LABELS.individualsTab,
    rows: [
      [...PROPOSAL_TEXT.individualHeader],
      ...nothing(p.individuals.proposed.map((c) => personRow(c, p.individuals.awardForm))),
    ],
    columnWidths: [8, 12, 28, 22, 40, 10, 12, 10, 28, 50],
    headerRows: 1,
    protection: 'all',
  };
  // The council records its choice among those tied in the last column; thidua reads it back.
  const tiedRows = (label: string, s: SubjectProposal): Cell[][] => {
    const tied = s.decision?.tied ?? s.tiedAtLine;
    if (tied.length === 0) return [];
    const places = s.placesForTied + (s.decision && !s.decision.overflow ? s.decision.chosen.length : 0);
    const heading = !s.decision
      ? PROPOSAL_TEXT.tiedPlaces(label, places, tied.length)
      : s.decision.overflow
        ? PROPOSAL_TEXT.tiedOverflow(label, s.decision.chosen.length, places)
        : PROPOSAL_TEXT.tiedChosen(label, s.decision.chosen.length, places);
    return [
      [heading],
      ...tied.map((c) => [
        label,
        c.rank,
        c.id,
        c.name,
        c.unitName,
        num(c.points),
        num(c.max),
        share(c),
        s.decision?.chosen.includes(c.id) ? YES : null,
      ]),
    ];
  };
  const tiedBody = [
    ...tiedRows(PROPOSAL_TEXT.collectives, p.collectives),
    ...tiedRows(PROPOSAL_TEXT.individuals, p.individuals),
  ];
  const tiedRowsAll = [
    [PROPOSAL_LABELS.tiedNote],
    [...PROPOSAL_TEXT.tiedHeader],
    ...(tiedBody.length ? tiedBody : [[PROPOSAL_TEXT.noTies]]),
  ];
  const choiceCol = PROPOSAL_TEXT.tiedHeader.length - 1;
  const tied: SheetTab = {
    title: PROPOSAL_LABELS.tiedTab,
    rows: tiedRowsAll,
    columnWidths: [12, 8, 14, 30, 40, 10, 12, 10, 16],
    headerRows: 2,
    // Only the choice column is open to the council.
    protection: 'header',
    lockedCells: tiedRowsAll.flatMap((row, r) =>
      r < 2
        ? []
        : Array.from({ length: choiceCol }, (_, col) => ({ row: r, col })).concat(
            row[2] ? [] : [{ row: r, col: choiceCol }],
          ),
    ),
    validations: tiedRowsAll.flatMap((row, r) =>
      r >= 2 && row[2]
        ? [
            {
              fromRow: r,
              toRow: r,
              col: choiceCol,
              rule: { kind: 'list' as const, values: [YES, NO] },
              message: TEMPLATE_TEXT.validationList,
            },
          ]
        : [],
    ),
  };
  const notProposedRows = (label: string, s: SubjectProposal): Cell[][] =>
    s.notProposed.map((n) => [
      label,
      n.candidate.id,
      n.candidate.name,
      n.candidate.unitName,
      n.rank,
      n.code === 'NO_SUBMISSION' ? '' : share(n.candidate),
      n.reason,
    ]);
  const notProposed: SheetTab = {
    title: PROPOSAL_LABELS.notProposedTab,
    rows: [
      [...PROPOSAL_TEXT.notProposedHeader],
      ...nothing([
        ...notProposedRows(PROPOSAL_TEXT.collectives, p.collectives),
        ...notProposedRows(PROPOSAL_TEXT.individuals, p.individuals),
      ]),
    ],
    columnWidths: [12, 14, 30, 40, 8, 10, 70],
    headerRows: 1,
    protection: 'all',
  };
  const clusterTab: SheetTab[] = input.clusters?.length
    ? [
        {
          title: PROPOSAL_TEXT.clustersTab,
          rows: [
            [...PROPOSAL_TEXT.clustersHeader],
            ...input.clusters.flatMap((c) => [
              ...c.ranked.map((r) => [c.cluster, r.rank, r.id, r.name, share(r), '']),
              ...c.notRanked.map((n) => [c.cluster, null, n.candidate.id, n.candidate.name, null, n.reason]),
            ]),
          ],
          columnWidths: [28, 12, 14, 50, 10, 50],
          headerRows: 1,
          protection: 'all',
        },
      ]
    : [];
  return { tabs: [summary, collectives, individuals, tied, notProposed, ...clusterTab] };
}

export interface RoundRenderInput {
  readonly movement: Movement;
  readonly campaign: Campaign;
  readonly council: RoundCouncil;
}

const sourceText = (source: { document: string; article?: string | undefined } | undefined) =>
  source ? `${source.document}${source.article ? `, ${source.article}` : ''}` : ROUND_TEXT.noRule;

/** A council's round proposal: a summary, then one tab per award form with every candidate's conditions. */
export function roundWorkbookModel(input: RoundRenderInput): WorkbookModel {
  const { movement, campaign, council } = input;
  const kind = ROUND_TEXT.kinds[campaign.kind] ?? campaign.kind;
  const count = (form: RoundForm, state: Eligibility['state']) =>
    [...form.eligibility.values()].filter((e) => e.state === state).length;
  const summary: SheetTab = {
    title: PROPOSAL_LABELS.summaryTab,
    rows: [
      [ROUND_TEXT.title(kind, council.name)],
      [PROPOSAL_TEXT.movement, movement.name],
      [ROUND_TEXT.years, `${yearLabel(campaign.fromYear)} đến ${yearLabel(campaign.toYear)}`],
      [ROUND_TEXT.reviewDate, campaign.reviewDate ?? ''],
      [ROUND_TEXT.ranking, movement.roundRanking.note],
      [],
      [...ROUND_TEXT.formsHeader],
      ...council.forms.map((form) => [
        `${form.subject === 'collective' ? `${PROPOSAL_TEXT.collectives}: ` : ''}${form.name}`,
        sourceText(form.eligibility.values().next().value?.rule?.source),
        `${form.proposal.quotaText}`,
        form.proposal.proposed.length,
        form.proposal.tiedAtLine.length,
        count(form, 'needsCheck'),
        count(form, 'ineligible'),
      ]),
    ],
    columnWidths: [50, 45, 28, 10, 12, 12, 14],
    headerRows: 1,
    protection: 'all',
  };
  const tabs = council.forms.map((form): SheetTab => {
    const conditionLabels =
      [...form.eligibility.values()].find((e) => e.conditions.length)?.conditions.map((c) => c.label) ?? [];
    const row = (
      c: RankedCandidate | NotProposed['candidate'],
      rank: number | null,
      result: string,
    ): Cell[] => {
      const e = form.eligibility.get(c.id);
      return [
        rank,
        c.id,
        c.name,
        c.unitName,
        c.max === 0 ? 0 : Math.round((c.points * 10_000) / c.max) / 100,
        result,
        sourceText(e?.rule?.source),
        ...(e?.conditions ?? []).map((cond) => `${ELIGIBILITY_TEXT[cond.state]} — ${cond.detail}`),
        ...(e && !e.conditions.length ? [e.summary] : []),
      ];
    };
    return {
      title:
        form.subject === 'collective'
          ? ROUND_TEXT.collectiveTab(form.awardForm)
          : ROUND_TEXT.tab(form.awardForm),
      rows: [
        [
          ...(form.subject === 'collective' ? ROUND_TEXT.collectiveHeader : ROUND_TEXT.header),
          ...conditionLabels,
        ],
        ...form.proposal.proposed.map((c) => row(c, c.rank, ROUND_TEXT.proposed)),
        ...form.proposal.tiedAtLine.map((c) => row(c, c.rank, ROUND_TEXT.tied)),
        ...form.proposal.notProposed.map((n) =>
          row(
            n.candidate,
            n.rank,
            n.code === 'NEEDS_CHECK'
              ? ROUND_TEXT.needsCheck
              : n.code === 'NOT_ELIGIBLE'
                ? ROUND_TEXT.ineligible
                : ROUND_TEXT.below,
          ),
        ),
      ],
      columnWidths: [8, 12, 28, 40, 12, 28, 40, ...conditionLabels.map(() => 50)],
      headerRows: 1,
      protection: 'all',
    };
  });
  return { tabs: [summary, ...tabs] };
}

/** The office's award history workbook (Lịch sử khen thưởng). */
export function historyWorkbookModel(rows: readonly (readonly Cell[])[]): WorkbookModel {
  return {
    tabs: [
      {
        title: TABS.history,
        rows: [Object.values(HISTORY_HEADERS), ...rows],
        columnWidths: [12, 14, 30, 14, 40, 22, 20, 16],
        headerRows: 1,
        protection: 'none',
      },
    ],
  };
}
