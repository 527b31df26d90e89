/** A council's proposal workbook: summary, proposed collectives and people, ties at the quota line, everyone not proposed with the reason. */

import type { SubjectProposal } from '../domain/candidates.ts';
import type { Cell } from '../domain/grid.ts';
import { unitsWithoutPeople } from '../domain/proposals.ts';
import { DOCUMENT_TEXT } from '../text/documents.ts';
import { PROPOSAL_LABELS, PROPOSAL_TEXT, reasonText, STATUS_LABELS } from '../text/proposals.ts';
import { NO, YES } from '../text/sheets.ts';
import { TEMPLATE_TEXT } from '../text/templates.ts';
import { listTab } from './print-layout.ts';
import {
  num,
  type ProposalRenderInput,
  publishedLines,
  readOnlyList,
  share,
  sourceText,
  summaryTab,
  unitColumn,
} from './proposal-summary.ts';
import type { SheetTab, StyledRange, WorkbookModel } from './sheet-model.ts';

/** A council's proposal workbook: summary, the proposed lists, those tied at the line, those not proposed (and, for the sector, the clusters). */
export function proposalWorkbookModel(input: ProposalRenderInput): WorkbookModel {
  return {
    tabs: [
      proposalSummary(input),
      ...proposedTabs(input),
      tiedTab(input),
      notProposedTab(input),
      ...clustersTab(input),
    ],
  };
}

/** The lines above a list: the council, the list's title, the year. */
export const headingOf = (input: Pick<ProposalRenderInput, 'proposal' | 'year'>, title: string) => [
  DOCUMENT_TEXT.councilUpper(input.proposal.name),
  title,
  DOCUMENT_TEXT.year(input.year),
];

/** The summary: the quota arithmetic of each subject, then every unit with its ranks and status. */
function proposalSummary(input: ProposalRenderInput): SheetTab {
  const { proposal: p, movement, year, units, statuses } = input;
  const policyNote = movement.quotaPolicies[0]?.source;
  const rounding = PROPOSAL_TEXT.rounding[p.individuals.quota.rounding];
  // Every ranked collective's rank (proposed, tied, or below the line), for the summary.
  const collectiveRank = new Map<string, number>([
    ...p.collectives.proposed.map((c) => [c.id, c.rank] as const),
    ...p.collectives.tiedAtLine.map((c) => [c.id, c.rank] as const),
    ...p.collectives.notProposed.flatMap((n) => (n.rank === null ? [] : [[n.candidate.id, n.rank] as const])),
    ...(p.collectives.decision?.tied ?? []).map((c) => [c.id, c.rank] as const),
  ]);
  const proposedRanks = new Map<string, number[]>();
  for (const c of p.individuals.proposed)
    proposedRanks.set(c.unitCode, [...(proposedRanks.get(c.unitCode) ?? []), c.rank]);
  const unitCodes = [...new Set([...p.collectiveUnits, ...p.individualUnits])].sort();
  const subjectLines = (label: string, base: string, s: SubjectProposal): (readonly [string, Cell])[] => [
    [label, ''],
    [PROPOSAL_TEXT.base, base],
    [PROPOSAL_TEXT.arithmetic, `${s.quotaText} (${rounding})`],
    [PROPOSAL_TEXT.quota, s.quota.quota],
    [PROPOSAL_TEXT.proposedCount, s.proposed.length],
    [PROPOSAL_TEXT.tiedCount, s.tiedAtLine.length],
    ...(s.quota.quota === 0 ? [[PROPOSAL_TEXT.note, PROPOSAL_LABELS.quotaZero] as const] : []),
  ];
  const lines: (readonly [string, Cell])[] = [
    [PROPOSAL_TEXT.movement, movement.name],
    [PROPOSAL_TEXT.quotaPolicy, policyNote ? sourceText(policyNote) : ''],
    ...subjectLines(
      PROPOSAL_TEXT.collectives,
      PROPOSAL_TEXT.collectiveBase(p.collectives.quota.base),
      p.collectives,
    ),
    ...subjectLines(
      PROPOSAL_TEXT.individuals,
      PROPOSAL_TEXT.individualBase(p.individuals.quota.base, p.headcountFromListing.length),
      p.individuals,
    ),
    ...(input.reviewLines ?? []),
    ...publishedLines(input.published),
  ];
  const collectiveSection = 2;
  const individualSection = collectiveSection + subjectLines('', '', p.collectives).length;
  return summaryTab({
    councilName: p.name,
    title: PROPOSAL_TEXT.summaryTitle,
    subtitle: DOCUMENT_TEXT.year(year),
    widths: [17, 30, 10, 14, 22, 7],
    lines,
    sections: [collectiveSection, individualSection],
    header: PROPOSAL_TEXT.unitsHeader,
    body: unitCodes.map((code) => {
      const status = statuses.get(code);
      return [
        code,
        units.get(code)?.name ?? code,
        p.collectiveUnits.includes(code) ? (collectiveRank.get(code) ?? '') : '',
        p.individualUnits.includes(code) ? (proposedRanks.get(code) ?? []).join(', ') : '',
        STATUS_LABELS[status?.status ?? 'missing'],
        status?.errors ?? 0,
      ];
    }),
    centered: [0, 2, 3, 5],
  });
}

/** The proposed collectives and individuals, read-only, with the signature block. */
function proposedTabs(input: ProposalRenderInput): SheetTab[] {
  const p = input.proposal;
  const collectives = readOnlyList({
    title: PROPOSAL_LABELS.collectivesTab,
    heading: headingOf(input, PROPOSAL_TEXT.collectivesTitle),
    header: PROPOSAL_TEXT.collectiveHeader,
    body: p.collectives.proposed.map((c, i) => [
      i + 1,
      c.rank,
      c.name,
      num(c.points),
      num(c.max),
      share(c),
      p.collectives.awardForm,
    ]),
    widths: [6, 7, 36, 8, 9, 9, 25],
    centered: [0, 1, 3, 4, 5],
    signature: true,
  });
  const individuals = readOnlyList({
    title: PROPOSAL_LABELS.individualsTab,
    heading: headingOf(input, PROPOSAL_TEXT.individualsTitle),
    header: PROPOSAL_TEXT.individualHeader,
    body: p.individuals.proposed.map((c, i) => [
      i + 1,
      c.rank,
      c.name,
      c.position,
      c.unitName,
      num(c.points),
      num(c.max),
      share(c),
      c.rating,
      p.individuals.awardForm,
    ]),
    widths: [5, 6, 22, 15, 28, 7, 8, 7, 16, 30],
    centered: [0, 1, 5, 6, 7],
    signature: true,
  });
  return [collectives, individuals];
}

/** Those tied at the line, with the one column the council fills: its choice among them. */
function tiedTab(input: ProposalRenderInput): SheetTab {
  const p = input.proposal;
  // The council records its choice among those tied in the last column; thidua reads it back.
  const rejected = {
    collective: new Set(input.rejected?.collective ?? []),
    individual: new Set(input.rejected?.individual ?? []),
  };
  const sectionRows: number[] = [];
  const tiedRows = (label: string, s: SubjectProposal, no: ReadonlySet<string>): Cell[][] => {
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
        unitColumn(c),
        num(c.points),
        num(c.max),
        share(c),
        s.decision?.chosen.includes(c.id) ? YES : no.has(c.id) ? NO : null,
      ]),
    ];
  };
  const tiedBody = [
    ...tiedRows(PROPOSAL_TEXT.collectives, p.collectives, rejected.collective),
    ...tiedRows(PROPOSAL_TEXT.individuals, p.individuals, rejected.individual),
  ];
  tiedBody.forEach((row, i) => {
    if (row.length === 1) sectionRows.push(i);
  });
  const tiedLayout = listTab({
    title: PROPOSAL_LABELS.tiedTab,
    heading: headingOf(input, PROPOSAL_TEXT.tiedTitle),
    header: PROPOSAL_TEXT.tiedHeader,
    body: tiedBody,
    widths: [9, 6, 11, 22, 28, 7, 8, 8, 12],
    centered: [1, 2, 5, 6, 7, 8],
    footnotes: tiedBody.length ? [PROPOSAL_LABELS.tiedNote] : [PROPOSAL_TEXT.noTies],
    sections: sectionRows,
  });
  const choiceCol = PROPOSAL_TEXT.tiedHeader.length - 1;
  const tiedTab = tiedLayout.tab;
  const candidateRow = (r: number) =>
    r >= tiedLayout.bodyFrom && r <= tiedLayout.bodyTo && !!tiedTab.rows[r]?.[2];
  return {
    ...tiedTab,
    // Only the choice column of a tied candidate is open to the council (shaded as a cell to fill).
    protection: 'header',
    styles: [
      ...(tiedTab.styles ?? []),
      ...tiedTab.rows.flatMap((_, r): StyledRange[] =>
        candidateRow(r)
          ? [{ fromRow: r, toRow: r, fromCol: choiceCol, toCol: choiceCol, style: { fill: 'input' } }]
          : [],
      ),
    ],
    lockedCells: tiedTab.rows.flatMap((_, r) =>
      r < (tiedTab.headerRows ?? 0)
        ? []
        : Array.from({ length: choiceCol + 1 }, (_, col) => ({ row: r, col })).filter(
            (cell) => !(cell.col === choiceCol && candidateRow(r)),
          ),
    ),
    validations: tiedTab.rows.flatMap((_, r) =>
      candidateRow(r)
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
}

/** Everyone not proposed, with the reason; units whose people thidua does not know are listed. */
function notProposedTab(input: ProposalRenderInput): SheetTab {
  const { proposal: p, units, statuses } = input;
  const notProposedRows = (label: string, s: SubjectProposal): Cell[][] =>
    s.notProposed.map((n) => [
      label,
      n.candidate.id,
      n.candidate.name,
      unitColumn(n.candidate),
      n.rank,
      n.code === 'NO_SUBMISSION' ? '' : share(n.candidate),
      reasonText(n),
    ]);
  // People of a unit with no accepted workbook are not known to thidua: the unit is listed for them.
  const unlisted = unitsWithoutPeople(p).map((code): Cell[] => [
    PROPOSAL_TEXT.individuals,
    '',
    PROPOSAL_TEXT.unitPeople,
    units.get(code)?.name ?? code,
    null,
    '',
    PROPOSAL_TEXT.unitNotAccepted(STATUS_LABELS[statuses.get(code)?.status ?? 'missing']),
  ]);
  return readOnlyList({
    title: PROPOSAL_LABELS.notProposedTab,
    heading: headingOf(input, PROPOSAL_TEXT.notProposedTitle),
    header: PROPOSAL_TEXT.notProposedHeader,
    body: [
      ...notProposedRows(PROPOSAL_TEXT.collectives, p.collectives),
      ...notProposedRows(PROPOSAL_TEXT.individuals, p.individuals),
      ...unlisted,
    ],
    widths: [9, 10, 22, 28, 6, 8, 52],
    centered: [1, 4, 5],
  });
}

/** For the sector's council: the collectives ranked within each emulation cluster. */
function clustersTab(input: ProposalRenderInput): SheetTab[] {
  return input.clusters?.length
    ? [
        readOnlyList({
          title: PROPOSAL_TEXT.clustersTab,
          heading: headingOf(input, PROPOSAL_TEXT.clustersTitle),
          header: PROPOSAL_TEXT.clustersHeader,
          body: input.clusters.flatMap((c) => [
            ...c.ranked.map((r) => [c.cluster, r.rank, r.id, r.name, share(r), '']),
            ...c.notRanked.map((n) => [
              c.cluster,
              null,
              n.candidate.id,
              n.candidate.name,
              null,
              reasonText(n),
            ]),
          ]),
          widths: [22, 10, 10, 36, 9, 40],
          centered: [1, 2, 4],
        }),
      ]
    : [];
}

/**
 * A list whose one column the council fills (its decision per row, from a dropdown): that column's
 * cells of the body are open and shaded, everything else stays locked.
 */
export function councilChoiceColumn(
  layout: ReturnType<typeof listTab>,
  col: number,
  count: number,
  values: readonly string[],
): SheetTab {
  const tab = layout.tab;
  const open = (r: number) => count > 0 && r >= layout.bodyFrom && r <= layout.bodyTo;
  const width = tab.rows.reduce((n, row) => Math.max(n, row.length), 0);
  return {
    ...tab,
    protection: 'header',
    styles: [
      ...(tab.styles ?? []),
      ...(count > 0
        ? [
            {
              fromRow: layout.bodyFrom,
              toRow: layout.bodyTo,
              fromCol: col,
              toCol: col,
              style: { fill: 'input' as const },
            },
          ]
        : []),
    ],
    lockedCells: tab.rows.flatMap((_, r) =>
      r < (tab.headerRows ?? 0)
        ? []
        : Array.from({ length: width }, (_, c) => ({ row: r, col: c })).filter(
            (cell) => !(cell.col === col && open(r)),
          ),
    ),
    validations: count
      ? [
          {
            fromRow: layout.bodyFrom,
            toRow: layout.bodyTo,
            col,
            rule: { kind: 'list' as const, values },
            message: TEMPLATE_TEXT.validationList,
          },
        ]
      : [],
  };
}
