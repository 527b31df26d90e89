/**
 * The office's award history workbook: the prior awards (Lịch sử khen thưởng), the recognised
 * initiatives (Sáng kiến) and a guide — with dropdowns for the subject, the kind of award and the
 * level that recognised an initiative, so that what is typed is what `history-read.ts` reads.
 */

import type { Cell } from '../domain/grid.ts';
import { DOCUMENT_TEXT } from '../text/documents.ts';
import {
  HISTORY_CHOICES,
  HISTORY_GUIDE,
  HISTORY_HEADERS,
  INITIATIVE_HEADERS,
  INITIATIVE_LEVELS,
  TABS,
} from '../text/sheets.ts';
import { TEMPLATE_TEXT } from '../text/templates.ts';
import { guideTab, HEADER_STYLE, wrappedHeight } from './print-layout.ts';
import type { SheetTab, WorkbookModel } from './sheet-model.ts';

const LAST_ROW = 5000;

function table(
  title: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  widths: readonly number[],
  lists: readonly { col: number; values: readonly string[] }[],
): SheetTab {
  return {
    title,
    rows: [[...header], ...rows.map((r) => [...r])],
    columnWidths: [...widths],
    headerRows: 1,
    protection: 'header',
    validations: lists.map(({ col, values }) => ({
      fromRow: 1,
      toRow: LAST_ROW,
      col,
      rule: { kind: 'list' as const, values: [...values] },
      message: TEMPLATE_TEXT.validationList,
    })),
    styles: [{ fromRow: 0, toRow: 0, fromCol: 0, toCol: header.length - 1, style: HEADER_STYLE }],
    rowHeights: [{ row: 0, height: wrappedHeight([...header], [...widths]) ?? 30 }],
    print: { orientation: 'landscape', repeatRows: { from: 0, to: 0 }, footer: DOCUMENT_TEXT.pageFooter },
  };
}

/** The history workbook: prior awards and initiatives as given (none for a new template). */
export function historyWorkbookModel(
  rows: readonly (readonly Cell[])[],
  initiatives: readonly (readonly Cell[])[] = [],
): WorkbookModel {
  const awards = Object.values(HISTORY_HEADERS);
  return {
    tabs: [
      table(
        TABS.history,
        awards,
        rows,
        [12, 14, 30, 14, 40, 22, 20, 16],
        [
          { col: 0, values: [HISTORY_CHOICES.individual, HISTORY_CHOICES.collective] },
          {
            col: 5,
            values: [
              HISTORY_CHOICES.merit,
              HISTORY_CHOICES.achievement,
              HISTORY_CHOICES.thematic,
              HISTORY_CHOICES.sudden,
            ],
          },
        ],
      ),
      table(
        TABS.initiatives,
        Object.values(INITIATIVE_HEADERS),
        initiatives,
        [14, 26, 44, 14, 18, 18, 16],
        [{ col: 4, values: Object.values(INITIATIVE_LEVELS) }],
      ),
      guideTab(HISTORY_GUIDE.tab, HISTORY_GUIDE.title, HISTORY_GUIDE.lines),
    ],
  };
}
