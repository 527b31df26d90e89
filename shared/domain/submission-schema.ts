/** What a unit's accepted submission holds, as stored (zod schemas; the types come from them). */

import { z } from 'zod';
import type { Catalog, Movement } from '../movement/movement.ts';
import type { Problem } from './problems.ts';

export const hundredths = z.number().int().nonnegative();

/** Points as the movement states them (8.5) → hundredths, the unit every score is kept in. */
export const toHundredths = (points: number) => Math.round(points * 100);

/** A person's gender as thidua keeps it (the sheets' words for them are the text layer's). */
export const genderSchema = z.enum(['male', 'female']);
export type Gender = z.infer<typeof genderSchema>;

export const personSchema = z.object({
  staffId: z.string().min(1),
  name: z.string().min(1),
  position: z.string(),
  isLeader: z.boolean(),
  gender: genderSchema.nullable(),
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
