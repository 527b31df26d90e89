/**
 * The award history (Lịch sử khen thưởng) kept by the emulation office: who received what, in
 * which emulation year, of which kind (merit-based or thematic), by which decision. Read from
 * its workbook by `present/history-read.ts`.
 */
import { z } from 'zod';
import type { Problem } from './problems.ts';

export const historyRecordSchema = z.object({
  subject: z.enum(['individual', 'collective']),
  /** Staff id or unit code. */
  id: z.string().min(1),
  name: z.string(),
  year: z.number().int(),
  /** An award form code from the movement, or a blocking entry (pending discipline, …). */
  award: z.string().min(1),
  kind: z.enum(['merit', 'thematic', 'pending']),
  decision: z.string(),
  decisionDate: z.string(),
});
export type HistoryRecord = z.infer<typeof historyRecordSchema>;

export interface History {
  readonly records: readonly HistoryRecord[];
  readonly problems: readonly Problem[];
}

/** The blocks that stand (pending discipline, inspection, complaint): staff id or unit code → what. */
export function pendingBlocks(records: readonly HistoryRecord[]): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const r of records) if (r.kind === 'pending') blocks.set(r.id.trim().toUpperCase(), r.award);
  return blocks;
}
