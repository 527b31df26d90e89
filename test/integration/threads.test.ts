/**
 * The package work on worker threads (`WorkPool`) gives what the same work gives on the main
 * thread: grids parsed, workbooks and documents rendered, and a clerk's problem for a file that
 * is not a workbook — the real threads, loading TypeScript through their own entry.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../shared/adapters/docx/render.ts';
import { WorkPool } from '../../shared/adapters/threads/pool.ts';
import { parseWorkbook } from '../../shared/adapters/xlsx/parse.ts';
import { renderWorkbook } from '../../shared/adapters/xlsx/workbooks.ts';
import { WorkbookReadError } from '../../shared/ports/index.ts';
import type { DocumentModel } from '../../shared/present/documents.ts';
import type { WorkbookModel } from '../../shared/present/sheet-model.ts';
import { unitWorkbookModel } from '../../shared/present/unit-template.ts';
import { catalog, movement, unit, YEAR } from '../helpers/fixtures.ts';
import { docxText } from '../support/docx-text.ts';

const pool = new WorkPool(2);
afterAll(() => pool.close());

const model: WorkbookModel = unitWorkbookModel({ movement, catalog, year: YEAR, unit: unit('A') });

describe('WorkPool', () => {
  it('parses and renders workbooks as the main thread does', async () => {
    const bytes = await renderWorkbook(model);
    const onThread = await pool.parse(bytes.slice(), 'A.xlsx');
    expect(onThread).toEqual(await parseWorkbook(bytes, 'A.xlsx'));
    expect(Object.keys(onThread)).toContain('Cá nhân');
    // Rendered on a thread, read back here: the same grids.
    expect(await parseWorkbook(await pool.render(model), 'A.xlsx')).toEqual(onThread);
  });

  it('says a clerk’s problem for a file that is not a workbook, and goes on with the next', async () => {
    const wrong = pool.parse(new TextEncoder().encode('not a workbook'), 'B.xlsx');
    await expect(wrong).rejects.toBeInstanceOf(WorkbookReadError);
    await expect(wrong).rejects.toMatchObject({
      location: 'B.xlsx',
      detail: expect.stringContaining('.xlsx'),
    });
    expect(Object.keys(await pool.parse(await renderWorkbook(model), 'C.xlsx')).length).toBeGreaterThan(0);
  });

  it('renders a council document as the main thread does', async () => {
    const doc: DocumentModel = {
      name: 'to-trinh-HD',
      title: 'Tờ trình đề nghị khen thưởng',
      orientation: 'portrait',
      blocks: [
        { kind: 'title', lines: ['TỜ TRÌNH', 'Về việc đề nghị khen thưởng'] },
        { kind: 'paragraph', runs: ['Hội đồng Thi đua - Khen thưởng ', { text: 'đề nghị', italic: true }] },
      ],
    };
    const onThread = await docxText(await pool.docx(doc));
    expect(onThread).toBe(await docxText(await renderDocx(doc)));
    expect(onThread).toContain('Về việc đề nghị khen thưởng');
  });
});
