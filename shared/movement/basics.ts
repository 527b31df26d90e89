/** The movement file's basic shapes: a date, a source, a fraction, a rounding, a subject (shared by its schemas). */
import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const sourceSchema = z.object({
  document: z.string().min(1),
  article: z.string().optional(),
  status: z.enum(['verified', 'secondary', 'not-found', 'proposed']),
  note: z.string().optional(),
});

/**
 * Why a movement file cannot be used, beyond the shape of a value: a rule's key and what its
 * sentence needs. The schemas attach it to their issue (`params.movement`); the text layer says it
 * in Vietnamese, the message stays for developers.
 */
export type MovementIssue =
  | { readonly rule: 'fractionAboveOne' }
  | { readonly rule: 'duplicateCriterion'; readonly code: string }
  | { readonly rule: 'prefixCriterion'; readonly code: string; readonly longer: string }
  | { readonly rule: 'yearsReversed' }
  | { readonly rule: 'unknownForm'; readonly form: string }
  | { readonly rule: 'tierNotForm'; readonly form: string }
  | { readonly rule: 'unknownRating'; readonly rating: string }
  | { readonly rule: 'oneNoDiscipline' }
  /** Emulation years of the period that a later step needs something for and the file does not give. */
  | { readonly rule: 'noCatalog' | 'noQuota' | 'noEligibility' | 'noAnnualRound'; readonly years: number[] }
  | {
      readonly rule: 'roundOutsidePeriod';
      readonly from: number;
      readonly to: number;
      readonly first: number;
      readonly last: number;
    };

/** A zod issue carrying a movement issue. */
export const movementIssue = (message: string, issue: MovementIssue, path: (string | number)[] = []) => ({
  code: 'custom' as const,
  message,
  path,
  params: { movement: issue },
});

export const fractionSchema = z
  .object({ numerator: z.number().int().nonnegative(), denominator: z.number().int().positive() })
  .refine((f) => f.numerator <= f.denominator, {
    message: 'a quota fraction is at most 1',
    params: { movement: { rule: 'fractionAboveOne' } satisfies MovementIssue },
  });

export const roundingSchema = z.enum(['down', 'atLeastOne']);

export const subjectSchema = z.enum(['collective', 'individual']);
