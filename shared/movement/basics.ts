/** The movement file's basic shapes: a date, a source, a fraction, a rounding, a subject (shared by its schemas). */
import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const sourceSchema = z.object({
  document: z.string().min(1),
  article: z.string().optional(),
  status: z.enum(['verified', 'secondary', 'not-found', 'proposed']),
  note: z.string().optional(),
});

export const fractionSchema = z
  .object({ numerator: z.number().int().nonnegative(), denominator: z.number().int().positive() })
  .refine((f) => f.numerator <= f.denominator, 'a quota fraction is at most 1');

export const roundingSchema = z.enum(['down', 'atLeastOne']);

export const subjectSchema = z.enum(['collective', 'individual']);
