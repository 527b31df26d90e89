/**
 * The award history (Lịch sử khen thưởng) kept by the emulation office: who received what, in
 * which emulation year, of which kind (theo công trạng, theo thành tích, chuyên đề, đột xuất), by
 * which decision; and the initiatives (sáng kiến) recognised for each person. Read from its
 * workbook by `present/history-read.ts`.
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
  /**
   * `merit` theo công trạng, `achievement` theo thành tích (the yearly titles), `thematic` chuyên đề
   * or theo đợt (a movement's awards), `sudden` đột xuất, `pending` a block (discipline under review…).
   */
  kind: z.enum(['merit', 'achievement', 'thematic', 'sudden', 'pending']),
  decision: z.string(),
  decisionDate: z.string(),
});
export type HistoryRecord = z.infer<typeof historyRecordSchema>;

/** The kinds that count toward a career-merit chain (a movement's own awards never do). */
export const CHAIN_KINDS: ReadonlySet<HistoryRecord['kind']> = new Set(['merit', 'achievement']);

/** An initiative (sáng kiến) recognised for a person: by which level, decision and date. */
export const initiativeSchema = z.object({
  staffId: z.string().min(1),
  name: z.string(),
  title: z.string().min(1),
  /** The emulation year it was recognised in. */
  year: z.number().int(),
  level: z.enum(['base', 'ministry', 'national']),
  decision: z.string(),
  decisionDate: z.string(),
});
export type Initiative = z.infer<typeof initiativeSchema>;

export interface History {
  readonly records: readonly HistoryRecord[];
  /** Null when the workbook has no initiatives tab: the conditions that need them say so. */
  readonly initiatives: readonly Initiative[] | null;
  readonly problems: readonly Problem[];
}

/** The blocks that stand (pending discipline, inspection, complaint): staff id or unit code → what. */
export function pendingBlocks(records: readonly HistoryRecord[]): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const r of records) if (r.kind === 'pending') blocks.set(r.id.trim().toUpperCase(), r.award);
  return blocks;
}
