/**
 * The movement as configuration: criteria catalogs, quota and eligibility policies, award forms and
 * campaign rounds, each with its source and the dates or years it applies to. Validated with zod at
 * load time; every rule the domain applies comes from here, not from literals in code.
 */
import { z } from 'zod';
import { type AwardRule, awardRuleSchema, formTierSchema, type RuleBasis } from './award-rules.ts';
import {
  fractionSchema,
  isoDate,
  movementIssue,
  roundingSchema,
  sourceSchema,
  subjectSchema,
} from './basics.ts';
import { coverageGaps, emulationYearBounds, inForce } from './coverage.ts';

export {
  fractionSchema,
  type MovementIssue,
  roundingSchema,
  sourceSchema,
  subjectSchema,
} from './basics.ts';
export { emulationYearBounds, yearsOf } from './coverage.ts';

const criterionCode = z.string().regex(/^[A-Z]{1,4}\d{1,2}$/, 'criterion codes look like CN1 or TT5');

const scoredItemSchema = z.object({
  code: criterionCode,
  title: z.string().min(1),
  maxPoints: z.number().positive().multipleOf(0.01),
  leaderOnly: z.boolean().default(false),
  weightStatus: z.enum(['plan', 'proposed']),
  planRef: z.string().optional(),
});

/**
 * A yes/no item that, when answered “Có”, keeps a collective out of the list (if the eligibility
 * policy says so). `enabled: false` keeps the item in the file, off: the templates do not ask it
 * and nothing reads it — how the office holds an option it may switch on.
 */
const vetoItemSchema = z.object({
  code: criterionCode,
  title: z.string().min(1),
  planRef: z.string().optional(),
  enabled: z.boolean().default(true),
  /** `plan`: the plan sets it; `proposed`: thidua's proposal, the office decides. */
  status: z.enum(['plan', 'proposed']).default('plan'),
  note: z.string().optional(),
});

const subjectCatalogSchema = z.object({
  items: z.array(scoredItemSchema).min(1),
  vetoItems: z.array(vetoItemSchema).default([]),
});

const catalogSchema = z
  .object({
    fromYear: z.number().int(),
    toYear: z.number().int(),
    source: sourceSchema,
    collective: subjectCatalogSchema,
    individual: subjectCatalogSchema,
  })
  .superRefine((catalog, ctx) => {
    const codes = [
      ...catalog.collective.items,
      ...catalog.collective.vetoItems,
      ...catalog.individual.items,
      ...catalog.individual.vetoItems,
    ].map((item) => item.code);
    const duplicate = codes.find((code, index) => codes.indexOf(code) !== index);
    if (duplicate)
      ctx.addIssue(
        movementIssue(`criterion code ${duplicate} is used twice`, {
          rule: 'duplicateCriterion',
          code: duplicate,
        }),
      );
    // A code that is a prefix of another (CN1 / CN10) would make header matching ambiguous.
    for (const a of codes)
      for (const b of codes)
        if (a !== b && b.startsWith(a) && /^\d$/.test(b.charAt(a.length)))
          ctx.addIssue(
            movementIssue(`criterion code ${a} is a prefix of ${b}`, {
              rule: 'prefixCriterion',
              code: a,
              longer: b,
            }),
          );
    if (catalog.toYear < catalog.fromYear)
      ctx.addIssue(movementIssue('toYear is before fromYear', { rule: 'yearsReversed' }, ['toYear']));
  });

const datedSchema = { validFrom: isoDate, validTo: isoDate };

const quotaPolicySchema = z.object({
  id: z.string().min(1),
  ...datedSchema,
  collective: fractionSchema,
  individual: fractionSchema,
  rounding: roundingSchema,
  roundingNote: z.string().optional(),
  collectiveBase: z.string(),
  individualBase: z.string(),
  source: sourceSchema,
});

const eligibilityPolicySchema = z.object({
  id: z.string().min(1),
  ...datedSchema,
  individual: z.object({
    minimumRating: z.string(),
    disciplineDisqualifies: z.boolean(),
    vetoDisqualifies: z.boolean(),
  }),
  collective: z.object({ vetoDisqualifies: z.boolean() }),
  source: sourceSchema,
});

export const campaignKindSchema = z.enum(['annual', 'midterm', 'final']);

export {
  type AwardRule,
  awardRuleSchema,
  type Condition,
  conditionSchema,
  type FormTier,
  formTierSchema,
  type RuleBasis,
  ruleBasisSchema,
} from './award-rules.ts';

const movementShape = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  plan: z.object({ number: z.string(), date: isoDate, issuer: z.string() }),
  /**
   * The laws a council's documents cite (“Căn cứ …”), each with the dates it is in force: a
   * document cites those in force on its date. Optional for a movement that prints no documents.
   */
  legalBases: z
    .array(
      z.object({
        text: z.string().min(1),
        validFrom: isoDate,
        validTo: isoDate.optional(),
        source: sourceSchema,
      }),
    )
    .default([]),
  period: z.object({ from: isoDate, to: isoDate }),
  /**
   * When units' workbooks for an emulation year are due: this day and month of the year after
   * it starts (the status workbook counts the days left). Absent: no deadline shown.
   */
  submissionDeadline: z
    .object({
      month: z.number().int().min(1).max(12),
      day: z.number().int().min(1).max(28),
      source: sourceSchema,
    })
    .optional(),
  emulationYear: z.object({
    startMonth: z.number().int().min(1).max(12),
    startDay: z.number().int().min(1).max(28),
    source: sourceSchema,
  }),
  ratings: z
    .array(z.object({ code: z.string().min(1), label: z.string().min(1), rank: z.number().int() }))
    .min(1),
  disciplines: z
    .array(z.object({ code: z.string().min(1), label: z.string().min(1), isDiscipline: z.boolean() }))
    .min(1),
  catalogs: z.array(catalogSchema).min(1),
  quotaPolicies: z.array(quotaPolicySchema).min(1),
  eligibilityPolicies: z.array(eligibilityPolicySchema).min(1),
  awardForms: z
    .array(
      z.object({
        code: z.string().min(1),
        name: z.string().min(1),
        /** The form's name in a tab title (at most 21 characters: “Cá nhân - ” comes first, and a tab holds 31). */
        shortName: z.string().min(1).max(21).optional(),
        subjects: z.array(subjectSchema).min(1),
        /**
         * A yearly title that tells how its year was rated at least (Lao động tiên tiến: hoàn thành
         * tốt nhiệm vụ trở lên): a year of the award history before thidua holds ratings still
         * counts in a chain of years, at this rating.
         */
        impliesRating: z.string().min(1).optional(),
        source: sourceSchema,
      }),
    )
    .min(1),
  campaigns: z
    .array(
      z.object({
        kind: campaignKindSchema,
        fromYear: z.number().int(),
        toYear: z.number().int(),
        reviewYear: z.number().int().optional(),
        /** The date a round's award rules are taken at (the rules in force then). */
        reviewDate: isoDate.optional(),
        awardForms: z.array(z.string()).min(1),
        /**
         * How a round's proposed list is split among its forms, top-down: the first tier's form
         * for the first places, then the next. Empty: every proposed candidate gets the round's
         * first form.
         */
        formTiers: z.array(formTierSchema).default([]),
        source: sourceSchema,
      }),
    )
    .min(1),
  roundRanking: z.object({
    /** The mean share over the round's years that have an accepted result (never a missing year as 0). */
    policy: z.literal('meanShare'),
    /** Years with a result a candidate needs to be ranked. */
    minYears: z.number().int().positive().default(1),
    /**
     * How many the round list proposes, per council (the base is its staff, or its collectives);
     * absent: everyone is ranked and the council chooses. Never a law: the council's decision.
     */
    selection: z
      .object({
        individual: fractionSchema,
        collective: fractionSchema,
        rounding: roundingSchema,
        source: sourceSchema,
      })
      .optional(),
    note: z.string(),
    source: sourceSchema,
  }),
  awardRules: z.array(awardRuleSchema).default([]),
  blockingRules: z.object({
    source: sourceSchema,
    disciplineBreaksChain: z.boolean(),
    /** History entries (as their “award” text) that block any award while they stand. */
    pendingBlocks: z.array(z.string()),
  }),
  tieBreakers: z.object({
    womenPriority: z.object({ enabled: z.boolean(), source: sourceSchema }),
  }),
});

export const movementSchema = movementShape.superRefine((movement, ctx) => {
  const forms = new Set(movement.awardForms.map((form) => form.code));
  movement.campaigns.forEach((campaign, i) => {
    for (const form of campaign.awardForms)
      if (!forms.has(form))
        ctx.addIssue(
          movementIssue(
            `campaign ${campaign.kind} names unknown award form ${form}`,
            { rule: 'unknownForm', form },
            ['campaigns', i, 'awardForms'],
          ),
        );
    campaign.formTiers.forEach((tier, k) => {
      if (!campaign.awardForms.includes(tier.form))
        ctx.addIssue(
          movementIssue(
            `campaign ${campaign.kind} splits its list into ${tier.form}, not one of its forms`,
            { rule: 'tierNotForm', form: tier.form },
            ['campaigns', i, 'formTiers', k, 'form'],
          ),
        );
    });
  });
  const ratings = new Set(movement.ratings.map((rating) => rating.code));
  movement.eligibilityPolicies.forEach((policy, i) => {
    const rating = policy.individual.minimumRating;
    if (!ratings.has(rating))
      ctx.addIssue(
        movementIssue(`policy ${policy.id} names unknown rating`, { rule: 'unknownRating', rating }, [
          'eligibilityPolicies',
          i,
        ]),
      );
  });
  movement.awardForms.forEach((form, i) => {
    const rating = form.impliesRating;
    if (rating !== undefined && !ratings.has(rating))
      ctx.addIssue(
        movementIssue(`award form ${form.code} implies unknown rating`, { rule: 'unknownRating', rating }, [
          'awardForms',
          i,
          'impliesRating',
        ]),
      );
  });
  if (movement.disciplines.filter((d) => !d.isDiscipline).length !== 1)
    ctx.addIssue(
      movementIssue('exactly one discipline entry must mean "no discipline"', { rule: 'oneNoDiscipline' }, [
        'disciplines',
      ]),
    );
  for (const issue of coverageGaps(movement)) ctx.addIssue(issue);
});

export type Movement = z.infer<typeof movementSchema>;
export type LegalBasis = Movement['legalBases'][number];

/** The legal bases in force on a date (YYYY-MM-DD), in the order the movement lists them. */
export function legalBasesOn(movement: Movement, date: string): LegalBasis[] {
  return movement.legalBases.filter((b) => b.validFrom <= date && (!b.validTo || date <= b.validTo));
}
export type Catalog = z.infer<typeof catalogSchema>;
export type ScoredItem = z.infer<typeof scoredItemSchema>;
export type QuotaPolicy = z.infer<typeof quotaPolicySchema>;
export type EligibilityPolicy = z.infer<typeof eligibilityPolicySchema>;
export type Fraction = z.infer<typeof fractionSchema>;
export type Rounding = z.infer<typeof roundingSchema>;
export type Subject = z.infer<typeof subjectSchema>;
export type CampaignKind = z.infer<typeof campaignKindSchema>;
export type Campaign = Movement['campaigns'][number];

/** The award rule of a basis for a form and subject in force on a date, if one is encoded. */
export function awardRuleFor(
  movement: Movement,
  awardForm: string,
  subject: Subject,
  date: string,
  basis: RuleBasis = 'merit',
): AwardRule | undefined {
  return movement.awardRules.find(
    (rule) =>
      rule.awardForm === awardForm &&
      rule.subject === subject &&
      rule.basis === basis &&
      rule.validFrom <= date &&
      date <= rule.validTo,
  );
}

export function campaignOf(movement: Movement, kind: CampaignKind): Campaign | undefined {
  return movement.campaigns.find((campaign) => campaign.kind === kind);
}

export class MovementConfigError extends Error {
  override readonly name = 'MovementConfigError';
}

/** Parses an already-decoded movement file; throws MovementConfigError listing every issue. */
export function parseMovement(raw: unknown): Movement {
  const result = movementSchema.safeParse(raw);
  if (!result.success) {
    const details = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new MovementConfigError(`invalid movement configuration:\n  ${details.join('\n  ')}`, {
      cause: result.error,
    });
  }
  return result.data;
}

/**
 * The catalog a year is assessed against, as the templates and checks use it: veto items switched
 * off are left out.
 */
/** The deadline of an emulation year's workbooks (YYYY-MM-DD), if the movement sets one. */
export function submissionDeadlineOf(movement: Movement, year: number): string | undefined {
  const d = movement.submissionDeadline;
  if (!d) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year + 1}-${pad(d.month)}-${pad(d.day)}`;
}

export function catalogFor(movement: Movement, year: number): Catalog | undefined {
  const catalog = movement.catalogs.find((c) => c.fromYear <= year && year <= c.toYear);
  if (!catalog) return undefined;
  const on = (subject: Catalog['collective']) => ({
    ...subject,
    vetoItems: subject.vetoItems.filter((item) => item.enabled),
  });
  return { ...catalog, collective: on(catalog.collective), individual: on(catalog.individual) };
}

export function quotaPolicyFor(movement: Movement, year: number): QuotaPolicy | undefined {
  return inForce(movement.quotaPolicies, emulationYearBounds(movement, year).to);
}

export function eligibilityPolicyFor(movement: Movement, year: number): EligibilityPolicy | undefined {
  return inForce(movement.eligibilityPolicies, emulationYearBounds(movement, year).to);
}
