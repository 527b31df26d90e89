/**
 * A council's published list (khóa sổ) as every command reports it: the snapshot it was published
 * with — what the council signed — and, when its workbook was edited since, the choices typed
 * there, named as ignored until the list is reopened.
 */
import { z } from 'zod';
import { cellRef } from '../domain/problems.ts';
import { PROPOSAL_LABELS } from '../text/proposals.ts';
import { type CouncilList, councilListSchema } from './list-summary.ts';
import type { Choices, ChoicesRead } from './tie-choices.ts';

const choicesSchema = z.object({
  collective: z.array(z.string()),
  individual: z.array(z.string()),
  rejected: z.object({ collective: z.array(z.string()), individual: z.array(z.string()) }).optional(),
});

/** What a publication stores: the list, and (since issue 31) the tie choices it was decided with. */
export const publishedListSchema = councilListSchema.extend({ choices: choicesSchema.optional() });
export type PublishedList = z.infer<typeof publishedListSchema>;

export interface FrozenCouncil {
  readonly list: CouncilList;
  readonly version: number;
  readonly publishedAt: string;
  readonly by: string;
  /** Cells of the tie tab whose choice differs from the one published ("Đồng điểm tại ngưỡng!I12"). */
  readonly ignored: string[];
}

/**
 * The frozen list, and the choices in the workbook now that differ from those published (the
 * choices the council had recorded before, for a publication that did not carry them).
 */
export function frozenCouncil(
  publication: { snapshot: unknown; publishedAt: string; version: number; by: string },
  now: ChoicesRead | null,
  recorded: Choices | undefined,
): FrozenCouncil | null {
  // A snapshot this version cannot read (never expected: the shape only grew) reports as live.
  const parsed = publishedListSchema.safeParse(publication.snapshot);
  if (!parsed.success) return null;
  const { choices, ...list } = parsed.data;
  const decided = choices ?? recorded ?? { collective: [], individual: [] };
  const ignored: string[] = [];
  if (now)
    for (const subject of ['collective', 'individual'] as const) {
      const state = (c: Choices, id: string) =>
        c[subject].includes(id) ? 'yes' : c.rejected?.[subject].includes(id) ? 'no' : '';
      for (const [id, cell] of now.cells[subject])
        if (state(now.choices, id) !== state(decided, id))
          ignored.push(cellRef(PROPOSAL_LABELS.tiedTab, cell));
    }
  return {
    list,
    version: publication.version,
    publishedAt: publication.publishedAt,
    by: publication.by,
    ignored,
  };
}
