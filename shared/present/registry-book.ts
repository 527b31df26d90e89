/** The office's registry workbook (Danh mục đơn vị); the award history's is `history-book.ts`. */

import type { RegistryUnit } from '../domain/registry.ts';
import { DOCUMENT_TEXT } from '../text/documents.ts';
import { NO, REGISTRY_HEADERS, REGISTRY_LEVELS, REGISTRY_NOTES, TABS, YES } from '../text/sheets.ts';
import { TEMPLATE_TEXT } from '../text/templates.ts';
import { guideTab, HEADER_STYLE, wrappedHeight } from './print-layout.ts';
import type { WorkbookModel } from './sheet-model.ts';

/** The registry workbook (Danh mục đơn vị) with its header, a note on what each column takes, and the units given. */
export function registryWorkbookModel(units: readonly RegistryUnit[]): WorkbookModel {
  const keys = Object.keys(REGISTRY_HEADERS) as (keyof typeof REGISTRY_HEADERS)[];
  const header = keys.map((key) => REGISTRY_HEADERS[key]);
  const widths = [14, 44, 14, 18, 24, 12, 34, 18, 34, 30, 30];
  const lastRow = Math.max(units.length + 500, 2000);
  const col = (key: keyof typeof REGISTRY_HEADERS) => keys.indexOf(key);
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
            u.documentsFolder ?? null,
            u.statusWorkbook ?? null,
          ]),
        ],
        columnWidths: widths,
        headerRows: 1,
        // The header is locked (the columns are found by it); the rows are the office's to fill.
        protection: 'header',
        notes: keys.map((key, i) => ({ row: 0, col: i, text: REGISTRY_NOTES[key] })),
        validations: [
          {
            fromRow: 1,
            toRow: lastRow,
            col: col('council'),
            rule: { kind: 'list', values: [YES, NO] },
            message: TEMPLATE_TEXT.validationList,
          },
          {
            fromRow: 1,
            toRow: lastRow,
            col: col('level'),
            rule: { kind: 'list', values: REGISTRY_LEVELS },
            message: TEMPLATE_TEXT.validationList,
          },
          {
            fromRow: 1,
            toRow: lastRow,
            col: col('headcount'),
            rule: { kind: 'whole', min: 0, max: 100_000 },
            message: TEMPLATE_TEXT.validationHeadcount,
          },
        ],
        styles: [{ fromRow: 0, toRow: 0, fromCol: 0, toCol: header.length - 1, style: HEADER_STYLE }],
        rowHeights: [{ row: 0, height: wrappedHeight(header, widths) ?? 30 }],
        print: { orientation: 'landscape', repeatRows: { from: 0, to: 0 }, footer: DOCUMENT_TEXT.pageFooter },
      },
      guideTab(TABS.registryGuide, TEMPLATE_TEXT.registryTitle, TEMPLATE_TEXT.registryGuide),
    ],
  };
}
