/**
 * The award rules of the movement file: a form's conditions (a movement award's standard, or a
 * career-merit chain) and how a round's list is split among its forms — the schemas, apart from
 * the rest of the movement so that each file stays one screen of concerns.
 */
import { z } from 'zod';
import { fractionSchema, isoDate, roundingSchema, sourceSchema, subjectSchema } from './basics.ts';

/**
 * One tier of a round's forms: how many of a council's proposed list (a share of it, or a count)
 * get this form, and the sector-wide limit the central council announced, if any. A tier with
 * neither share nor count takes the rest of the list.
 */
export const formTierSchema = z.object({
  subject: subjectSchema,
  form: z.string().min(1),
  share: fractionSchema.optional(),
  count: z.number().int().nonnegative().optional(),
  rounding: roundingSchema.default('down'),
  sectorLimit: z.number().int().nonnegative().optional(),
  source: sourceSchema,
});
export type FormTier = z.infer<typeof formTierSchema>;

const label = z.string().min(1);
const baseConditionSchema = z.discriminatedUnion('kind', [
  /** Holds one of these merit-based awards; the chain that follows counts from the year after it. */
  z.object({ kind: z.literal('holdsAward'), awards: z.array(z.string()).min(1), label }),
  /** So many consecutive years, up to the round's last, rated at least this, without discipline. */
  z.object({
    kind: z.literal('consecutiveYears'),
    years: z.number().int().positive(),
    minimumRating: z.string(),
    afterAward: z.boolean().default(false),
    label,
  }),
  /** Within the counted years, at least `count` years with this (merit-based) award. */
  z.object({ kind: z.literal('awardCount'), award: z.string(), count: z.number().int().positive(), label }),
  /** Within the counted years, at least `count` years rated at least this. */
  z.object({ kind: z.literal('ratingCount'), rating: z.string(), count: z.number().int().positive(), label }),
  /** The award in `count` consecutive years up to the round's last. */
  z.object({
    kind: z.literal('consecutiveAward'),
    award: z.string(),
    count: z.number().int().positive(),
    label,
  }),
  /**
   * So many consecutive years up to the round's last rated at least `rating`, with at least
   * `initiatives` recognised initiatives (sáng kiến) within those years.
   */
  z.object({
    kind: z.literal('ratingRunWithInitiatives'),
    years: z.number().int().positive(),
    rating: z.string(),
    initiatives: z.number().int().positive(),
    label,
  }),
  /** The movement runs at least this many years (its plan's period): a standard of some movement awards. */
  z.object({ kind: z.literal('movementYears'), years: z.number().int().positive(), label }),
  /** No disciplined year among the round's years. */
  z.object({ kind: z.literal('noDiscipline'), label }),
  /** Not something the system can check: the council does (“cần kiểm tra”). */
  z.object({ kind: z.literal('manual'), label }),
]);
export const conditionSchema = z.union([
  baseConditionSchema,
  z.object({ kind: z.literal('anyOf'), label, options: z.array(baseConditionSchema).min(2) }),
]);
export type Condition = z.infer<typeof conditionSchema>;

/**
 * Which kind of award a rule is the standard of: `movement` — an award at a movement's review
 * (khen thưởng theo phong trào, theo đợt): its conditions are checked; `merit` — career merit
 * (theo công trạng): its chains are shown to the council as information, never used to choose or
 * block a movement award.
 */
export const ruleBasisSchema = z.enum(['movement', 'merit']);
export type RuleBasis = z.infer<typeof ruleBasisSchema>;

export const awardRuleSchema = z.object({
  id: z.string().min(1),
  awardForm: z.string().min(1),
  subject: subjectSchema,
  basis: ruleBasisSchema.default('merit'),
  validFrom: isoDate,
  validTo: isoDate,
  source: sourceSchema,
  conditions: z.array(conditionSchema).min(1),
});
export type AwardRule = z.infer<typeof awardRuleSchema>;
