/** The proposal workbook's summary tab (quota arithmetic, who submitted) and the helpers its lists share. */

import type { CouncilProposal } from '../domain/candidates.ts';
import type { ClusterRanking } from '../domain/council-choices.ts';
import type { Cell } from '../domain/grid.ts';
import type { RegistryUnit } from '../domain/registry.ts';
import type { Movement } from '../movement/movement.ts';
import { DOCUMENT_TEXT } from '../text/documents.ts';
import { PROPOSAL_LABELS, PROPOSAL_TEXT } from '../text/proposals.ts';
import { ROUND_TEXT } from '../text/rounds.ts';
import type { UnitStatus } from './feedback.ts';
import {
  listTab,
  nationalHeading,
  signatureBlock,
  tableStyles,
  wrappedHeight,
  wrappedHeights,
} from './print-layout.ts';
import type { MergedRange, SheetTab, StyledRange } from './sheet-model.ts';
import { formatVietnamTime } from './time.ts';

export interface ProposalRenderInput {
  readonly movement: Movement;
  readonly year: number;
  readonly proposal: CouncilProposal;
  readonly units: ReadonlyMap<string, RegistryUnit>;
  readonly statuses: ReadonlyMap<string, { status: UnitStatus; errors: number }>;
  /** For the sector-level council: collectives ranked within each cluster or block. */
  readonly clusters?: readonly ClusterRanking[];
  /** The council's “Không” in the tie tab, kept when the tab is written again (ids by subject). */
  readonly rejected?: { readonly collective: readonly string[]; readonly individual: readonly string[] };
  /** The list is published (khóa sổ): the summary says when, by whom, and that it stays so. */
  readonly published?: Published;
  /** Lines on the scores reviewed or inspected (review-book.ts), after the quotas. */
  readonly reviewLines?: readonly (readonly [string, Cell])[];
}

/** The summary's line saying a list is published (khóa sổ): when, by whom; none while it is open. */
/** A published list: its number, when and by whom; and cells typed while it was published, not in it. */
export interface Published {
  readonly version: number;
  readonly at: string;
  readonly by: string;
  /** Cells whose choice was saved while the list was being published (not in the list published). */
  readonly late?: readonly string[];
}

export function publishedLines(published: Published | undefined): [string, Cell][] {
  if (!published) return [];
  const text = PROPOSAL_TEXT.published(published.version, formatVietnamTime(published.at), published.by);
  return [
    [PROPOSAL_TEXT.publishedLabel, text],
    ...(published.late?.length
      ? [[PROPOSAL_TEXT.lateLabel, PROPOSAL_TEXT.publishedLate(published.late)] as [string, Cell]]
      : []),
  ];
}

/** Points and shares go out as numbers, so councils can sort and sum them; the locale shows the comma. */
export const num = (hundredths: number) => hundredths / 100;
export const share = (c: { points: number; max: number }) =>
  c.max === 0 ? 0 : Math.round((c.points * 10_000) / c.max) / 100;

export const sourceText = (source: { document: string; article?: string | undefined } | undefined) =>
  source ? `${source.document}${source.article ? `, ${source.article}` : ''}` : ROUND_TEXT.noRule;

/**
 * Label–value rows of a summary (label in the first column, the value merged across the rest,
 * wrapped), with the rows' heights for values longer than a line.
 */
function labelledRows(from: number, widths: readonly number[], pairs: readonly (readonly [string, Cell])[]) {
  const last = widths.length - 1;
  const valueWidth = widths.slice(1).reduce((a, b) => a + b, 0);
  const rows: Cell[][] = pairs.map(([label, value]) => [label, value]);
  const merges: MergedRange[] = pairs.map((_, i) => ({
    fromRow: from + i,
    toRow: from + i,
    fromCol: 1,
    toCol: last,
  }));
  const styles: StyledRange[] = pairs.flatMap((_, i): StyledRange[] => [
    {
      fromRow: from + i,
      toRow: from + i,
      fromCol: 0,
      toCol: 0,
      style: { bold: true, valign: 'top', wrap: true },
    },
    {
      fromRow: from + i,
      toRow: from + i,
      fromCol: 1,
      toCol: last,
      style: { wrap: true, valign: 'top', align: 'left' },
    },
  ]);
  const rowHeights = pairs.flatMap(([label, value], i) => {
    const height = wrappedHeight([label, value], [widths[0] ?? 10, valueWidth]);
    return height ? [{ row: from + i, height }] : [];
  });
  return { rows, merges, styles, rowHeights };
}

/**
 * The summary of a proposal or a round, as a document: the heading of Nghị định 30/2020 (the
 * council's unit and the council; quốc hiệu, tiêu ngữ), the title, label–value lines, a bordered
 * table, and the signature block. Prints on A4 one page wide.
 */
export function summaryTab(input: {
  readonly councilName: string;
  readonly title: string;
  readonly subtitle: string;
  readonly widths: readonly number[];
  readonly lines: readonly (readonly [string, Cell])[];
  /** Lines that head a part of the summary (bold, across the page), by their place in `lines`. */
  readonly sections?: readonly number[];
  readonly header: readonly string[];
  readonly body: readonly (readonly Cell[])[];
  readonly centered?: readonly number[];
}): SheetTab {
  const cols = input.widths.length;
  const last = cols - 1;
  const heading = nationalHeading(input.councilName, cols);
  const rows: Cell[][] = [
    ...heading.rows,
    [],
    [input.title],
    [DOCUMENT_TEXT.council(input.councilName)],
    [input.subtitle],
    [],
  ];
  const merges: MergedRange[] = [...heading.merges];
  const styles: StyledRange[] = [...heading.styles];
  const rowHeights: { row: number; height: number }[] = [{ row: 0, height: 30 }];
  for (const r of [3, 4, 5]) {
    merges.push({ fromRow: r, toRow: r, fromCol: 0, toCol: last });
    styles.push({
      fromRow: r,
      toRow: r,
      fromCol: 0,
      toCol: last,
      style:
        r === 3
          ? { bold: true, size: 13, align: 'center' }
          : r === 4
            ? { bold: true, align: 'center' }
            : { italic: true, align: 'center' },
    });
  }
  const labelled = labelledRows(rows.length, input.widths, input.lines);
  for (const i of input.sections ?? []) {
    const r = rows.length + i;
    labelled.merges.splice(i, 1, { fromRow: r, toRow: r, fromCol: 0, toCol: last });
    styles.push({ fromRow: r, toRow: r, fromCol: 0, toCol: last, style: { bold: true } });
  }
  rows.push(...labelled.rows, []);
  merges.push(...labelled.merges);
  styles.unshift(...labelled.styles);
  rowHeights.push(...labelled.rowHeights);
  const headerRow = rows.length;
  rows.push([...input.header], ...input.body.map((r) => [...r]));
  styles.push(...tableStyles(headerRow, headerRow + input.body.length, last, input.centered));
  rowHeights.push(...wrappedHeights(rows, input.widths, headerRow, rows.length - 1));
  const block = signatureBlock(rows.length, cols);
  rows.push(...block.rows);
  merges.push(...block.merges);
  styles.push(...block.styles);
  rowHeights.push(...block.heights);
  const width = input.widths.reduce((a, b) => a + b, 0);
  return {
    title: PROPOSAL_LABELS.summaryTab,
    rows,
    columnWidths: input.widths,
    protection: 'all',
    styles,
    merges,
    rowHeights,
    print: {
      orientation: width > 100 ? 'landscape' : 'portrait',
      repeatRows: { from: headerRow, to: headerRow },
      footer: DOCUMENT_TEXT.pageFooter,
    },
  };
}

/** A list tab the council reads (and, with `signature`, signs): read-only. */
export function readOnlyList(input: Parameters<typeof listTab>[0]): SheetTab {
  return { ...listTab(input).tab, protection: 'all' };
}

/** Collectives under “Đơn vị” show nothing: the collective is the unit. */
export const unitColumn = (c: { subject: string; unitName: string }) =>
  c.subject === 'collective' ? '' : c.unitName;

/** The council's proposal workbook: summary, proposed collectives and people, ties, and the rest with reasons. */
