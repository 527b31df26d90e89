/** Validation problems are data: where (tab and A1 cell), a stable code, and the Vietnamese message. */
import { z } from 'zod';

export const problemCodeSchema = z.enum([
  'TAB_MISSING',
  'HEADER_MISSING',
  'HEADER_DUPLICATE',
  'UNIT_CODE_MISSING',
  'UNIT_CODE_MISMATCH',
  'YEAR_MISSING',
  'YEAR_INVALID',
  'YEAR_MISMATCH',
  'NOT_A_NUMBER',
  'TOO_MANY_DECIMALS',
  'OUT_OF_RANGE',
  'REQUIRED',
  'INVALID_CHOICE',
  'ERROR_VALUE',
  'DUPLICATE_PERSON',
  'CRITERION_ROW_MISSING',
  'CRITERION_ROW_DUPLICATE',
  'CRITERION_UNKNOWN',
  'LEADER_ONLY_SCORE',
  'TOTAL_MISMATCH',
  'NO_PEOPLE',
  'WORKBOOK_MISSING',
  'WORKBOOK_UNREADABLE',
  'WORKBOOK_INACCESSIBLE',
  'REGISTRY_INVALID',
  'HISTORY_INVALID',
  'REVIEW_REASON_REQUIRED',
]);
export type ProblemCode = z.infer<typeof problemCodeSchema>;

export const problemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  tab: z.string(),
  cell: z.string(),
  code: problemCodeSchema,
  message: z.string(),
});
export type Problem = z.infer<typeof problemSchema>;

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error');

/** "Cá nhân!H7": tab and cell as a clerk reads them (the tab alone when the problem is about the whole tab). */
export function cellRef(tab: string, cell: string): string {
  if (!tab) return cell;
  return cell ? `${tab}!${cell}` : tab;
}
