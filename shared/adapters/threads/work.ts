/**
 * The worker threads' side of `WorkPool`: the CPU work on packages, one exported function per
 * kind, each answering with plain data (structured-cloned back) or the problem a clerk reads.
 */
import type { WorkbookGrids } from '../../domain/grid.ts';
import { WorkbookReadError } from '../../ports/index.ts';
import type { DocumentModel } from '../../present/documents.ts';
import type { WorkbookModel } from '../../present/sheet-model.ts';
import { renderDocx } from '../docx/render.ts';
import { parseWorkbook } from '../xlsx/parse.ts';
import { renderWorkbook } from '../xlsx/workbooks.ts';

export type Answer<T> = { readonly value: T } | { readonly detail?: string; readonly message: string };

async function answer<T>(work: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { value: await work() };
  } catch (error) {
    return {
      ...(error instanceof WorkbookReadError ? { detail: error.detail } : {}),
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

export const parse = (job: { bytes: Uint8Array; location: string }): Promise<Answer<WorkbookGrids>> =>
  answer(() => parseWorkbook(job.bytes, job.location));

export const render = (job: { model: WorkbookModel }): Promise<Answer<Uint8Array>> =>
  answer(() => renderWorkbook(job.model));

export const docx = (job: { model: DocumentModel }): Promise<Answer<Uint8Array>> =>
  answer(() => renderDocx(job.model));
