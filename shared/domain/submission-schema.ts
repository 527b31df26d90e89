/** What a unit's accepted submission holds, as stored (zod schemas; the types come from them). */

import { z } from 'zod';
import type { Catalog, Movement } from '../movement/movement.ts';
import { GENDERS } from '../text/sheets.ts';
import type { Problem } from './problems.ts';

export const hundredths = z.number().int().nonnegative();

export const personSchema = z.object({
  staffId: z.string().min(1),
  name: z.string().min(1),
  position: z.string(),
  isLeader: z.boolean(),
  gender: z.enum(GENDERS).nullable(),
  rating: z.string().min(1),
  discipline: z.string().min(1),
  /** criterion code → score in hundredths of a point; only the items that apply to this person. */
  scores: z.record(z.string(), hundredths),
  note: z.string(),
});

export type Person = z.infer<typeof personSchema>;

export const submissionSchema = z.object({
  unitCode: z.string().min(1),
  year: z.number().int(),
  filledBy: z.string(),
  collective: z.object({
    items: z.record(
      z.string(),
      z.object({
        self: hundredths,
        reviewed: hundredths.nullable(),
        evidence: z.string(),
        /** Why the council's score differs from the unit's own (required when it does). */
        reviewReason: z.string().default(''),
      }),
    ),
    vetoes: z.record(z.string(), z.boolean()),
  }),
  people: z.array(personSchema),
});

export type Submission = z.infer<typeof submissionSchema>;

export interface ReadContext {
  readonly movement: Movement;
  readonly catalog: Catalog;
  readonly year: number;
  /** The unit the registry binds this workbook to. */
  readonly expectedUnitCode: string;
}

export interface ReadResult {
  /** Present only when no problem is an error. */
  readonly submission: Submission | null;
  readonly problems: Problem[];
}
