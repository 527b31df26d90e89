/**
 * Validation problems are data: where (tab and A1 cell), a stable code, and the message the
 * reader of that workbook wrote for it (`present/*-read.ts`, in the text layer's words).
 */
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
  /** A council's review of a unit it does not rank, or an inspection of a unit not under it. */
  'REVIEW_NOT_ALLOWED',
  'DATE_INVALID',
  /** A council's review or inspection of the unit's score, told to the unit. */
  'COUNCIL_REVIEW',
  /** A review score the unit typed into its own workbook: only a council sets it. */
  'REVIEW_BY_UNIT',
  'MORE_PROBLEMS',
  'DUPLICATE_STAFF_ACROSS_UNITS',
  'TOO_MANY_ROWS',
  'TOO_MANY_PEOPLE',
  'CELL_TOO_LONG',
  /** The movement workbook (Cấu hình phong trào): a value the movement cannot hold. */
  'MOVEMENT_INVALID',
]);
export type ProblemCode = z.infer<typeof problemCodeSchema>;

export const problemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  tab: z.string(),
  cell: z.string(),
  code: problemCodeSchema,
  message: z.string(),
  /** Whom the cell is about, as the clerk knows them: “Nguyễn Văn A (CB00012)”. */
  who: z.string().optional(),
  /** The criterion the cell scores: “CN2 – Thực hiện chuyên nghiệp về chuyên môn, nghiệp vụ”. */
  criterion: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error');

/** "Cá nhân!H7": tab and cell as a clerk reads them (the tab alone when the problem is about the whole tab). */
export function cellRef(tab: string, cell: string): string {
  if (!tab) return cell;
  return cell ? `${tab}!${cell}` : tab;
}

/**
 * At most `max` problems, chosen so that every kind of mistake is shown (the first of each code
 * first, then the next of each, in sheet order), followed by one line that counts the rest (its
 * message from `more`). Keeps what is stored per unit bounded whatever a workbook holds; the
 * unit's tab lists them all.
 */
export function capProblems(
  problems: readonly Problem[],
  max: number,
  more: (rest: number) => string,
): Problem[] {
  if (problems.length <= max) return [...problems];
  const byCode = new Map<string, Problem[]>();
  for (const p of problems) {
    const list = byCode.get(p.code);
    if (list) list.push(p);
    else byCode.set(p.code, [p]);
  }
  const kept = new Set<Problem>();
  for (let depth = 0; kept.size < max - 1; depth++) {
    let added = false;
    for (const list of byCode.values()) {
      const p = list[depth];
      if (p && kept.size < max - 1) {
        kept.add(p);
        added = true;
      }
    }
    if (!added) break;
  }
  const rest = problems.length - kept.size;
  const errors = problems.filter((p) => !kept.has(p) && p.severity === 'error').length;
  return [
    ...problems.filter((p) => kept.has(p)),
    {
      severity: errors ? 'error' : 'warning',
      tab: '',
      cell: '',
      code: 'MORE_PROBLEMS',
      message: more(rest),
    },
  ];
}
