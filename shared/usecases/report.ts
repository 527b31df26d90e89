/** The machine-readable report of a run (`report.json`, `--json`). The schema is the contract. */
import { z } from 'zod';
import { sharePercent } from '../domain/candidates.ts';
import type { Eligibility } from '../domain/eligibility.ts';
import { cellRef, problemSchema } from '../domain/problems.ts';
import type { Registry } from '../domain/registry.ts';
import { type RoundCouncil, roundGaps } from '../domain/rounds.ts';
import type { Counters } from '../ports/index.ts';
import { DOCUMENT_FAILURE_TEXT, PROPOSAL_LABELS, reasonText } from '../text/proposals.ts';
import { conditionText, eligibilitySummary, ROUND_TEXT } from '../text/rounds.ts';
import { councilSummary, subjectSchema } from './list-summary.ts';
import type { ProposeResult } from './propose.ts';
import type { UnitOutcome } from './sync.ts';

/** One council's round lists as the report (and a published round's snapshot) holds them. */
const formCheckSchema = z.object({
  form: z.string(),
  state: z.enum(['eligible', 'ineligible', 'needsCheck']),
  summary: z.string(),
  conditions: z.array(z.object({ label: z.string(), state: z.string(), detail: z.string() })),
  source: z.string().nullable(),
  /** Whether the rule's text was seen (verified), or is still to be checked against the law. */
  verified: z.boolean().default(false),
});

/** One form's check as the report says it: its state, each condition, the rule's source. */
function formCheck(form: string, el: Eligibility | undefined) {
  const source = el?.rule?.source;
  return {
    form,
    state: el?.state ?? ('needsCheck' as const),
    summary: el ? eligibilitySummary(el) : '',
    conditions: (el?.conditions ?? []).map((cond) => ({
      label: cond.label,
      state: cond.state,
      detail: conditionText(cond.detail),
    })),
    source: source ? `${source.document}${source.article ? `, ${source.article}` : ''}` : null,
    verified: source?.status === 'verified',
  };
}

export const roundCouncilSchema = z.object({
  code: z.string(),
  name: z.string(),
  workbook: z.string().nullable(),
  /** The council's round list is published (khóa sổ): its workbook stays as published. */
  published: z.boolean().default(false),
  /** Cells of the published workbook changed after publishing: not used until reopened. */
  ignoredChoices: z.array(z.string()).default([]),
  /** Choice cells saved during thidua's last write of this run, not yet in the workbook. */
  lateChoices: z.array(z.string()).default([]),
  /** Years of the round with no result for any of the council's candidates (see `roundGaps`). */
  yearsWithoutData: z.array(z.number().int()).default([]),
  /** Nobody could be ranked for want of years with a result. */
  rankedNobody: z.boolean().default(false),
  lists: z.array(
    z.object({
      subject: z.enum(['collective', 'individual']),
      base: z.number().int(),
      selection: z.string(),
      candidates: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          unitCode: z.string(),
          rank: z.number().int().nullable(),
          sharePercent: z.string(),
          years: z.array(z.number().int()),
          missingYears: z.array(z.number().int()),
          selection: z.enum(['proposed', 'tied', 'below', 'unranked', 'listed']),
          suggestedForm: z.string().nullable(),
          /** The council's decision read back from its round workbook (a form, or “Không đề nghị”). */
          councilChoice: z.string().nullable(),
          /** The one form proposed: the council's choice, else thidua's suggestion for those proposed. */
          form: z.string().nullable(),
          reason: z.string(),
          /** Why the suggested form is below the one the place gives (a tie, a sector limit, a standard). */
          stepDown: z.string().nullable().default(null),
          /** Each form's standard as a movement award: what is checked. */
          forms: z.array(formCheckSchema),
          /** Each form's career-merit chain: information for the council, never used to choose. */
          reference: z.array(formCheckSchema).default([]),
        }),
      ),
    }),
  ),
});

export const reportSchema = z.object({
  movement: z.string(),
  year: z.number().int(),
  generatedAt: z.string(),
  registryProblems: z.array(problemSchema),
  /** False when no workbook was read this time: each unit's status and problems are the store's, from its last check. */
  unitsRead: z.boolean().default(true),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      status: z.enum(['accepted', 'unchanged', 'rejected', 'missing', 'inaccessible', 'failed', 'otherYear']),
      problems: z.array(problemSchema),
    }),
  ),
  councils: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      workbook: z.string().nullable(),
      /** Published (khóa sổ): the list is frozen and was not rewritten; the lists are as published. */
      published: z.boolean(),
      /** The publication the lists are from: its number (lần), when and by whom. */
      publication: z
        .object({ version: z.number().int(), at: z.string(), by: z.string() })
        .nullable()
        .default(null),
      /** Cells of the published workbook whose choice was changed after publishing: not used until reopened. */
      ignoredChoices: z.array(z.string()).default([]),
      /** Cells of the tie tab saved during thidua's last write of this run, not yet in the workbook. */
      lateChoices: z.array(z.string()).default([]),
      /** Review or inspection entries the council typed that could not be used: “Thẩm định!G12: …”. */
      reviewProblems: z.array(z.string()).default([]),
      /** Why the council's documents could not be written this time (its list is recorded); null when they were. */
      documentsError: z.string().nullable().default(null),
      /** Why the council's workbook was not rewritten this time (its list cannot be trusted yet); empty when written. */
      withheld: z.array(z.string()),
      collectives: subjectSchema,
      individuals: subjectSchema,
    }),
  ),
  /** A mid-term or final round run with the sync: each council's lists, one suggested form each. */
  round: z
    .object({
      kind: z.string(),
      fromYear: z.number().int(),
      toYear: z.number().int(),
      councils: z.array(roundCouncilSchema),
    })
    .optional(),
  /** Where the sector status workbook (Tình hình nộp bảng điểm) is, when the run wrote or kept one. */
  statusWorkbook: z.string().nullable().optional(),
  counters: z.object({
    storeReads: z.number().int(),
    storeWrites: z.number().int(),
    sheetReads: z.number().int(),
    sheetWrites: z.number().int(),
  }),
});
export type Report = z.infer<typeof reportSchema>;

/** A round's councils as the report carries them: names of forms, never codes. */
export function roundSummary(
  round: { kind: string; fromYear: number; toYear: number },
  councils: readonly RoundCouncil[],
  written: ReadonlyMap<string, string>,
  published: ReadonlySet<string> = new Set(),
): NonNullable<Report['round']> {
  return {
    ...round,
    councils: councils.map((c) => {
      const gaps = roundGaps(c, round);
      return {
        code: c.code,
        name: c.name,
        workbook: written.get(c.code) ?? null,
        published: published.has(c.code),
        ignoredChoices: [],
        lateChoices: [],
        yearsWithoutData: [...gaps.yearsWithoutData],
        rankedNobody: gaps.rankedNobody,
        lists: c.lists.map((list) => ({
          subject: list.subject,
          base: list.base,
          selection: list.quotaText,
          candidates: list.entries.map((e) => ({
            id: e.candidate.id,
            name: e.candidate.name,
            unitCode: e.candidate.unitCode,
            rank: e.rank,
            sharePercent: sharePercent(e.candidate),
            years: [...e.years],
            missingYears: [...e.missingYears],
            selection: e.selection,
            suggestedForm: list.forms.find((f) => f.code === e.suggested)?.name ?? null,
            councilChoice:
              e.choice === null
                ? null
                : (list.forms.find((f) => f.code === e.choice)?.name ?? ROUND_TEXT.noForm),
            form: list.forms.find((f) => f.code === e.form)?.name ?? null,
            reason: e.reason ? reasonText(e.reason) : '',
            stepDown: e.stepDown
              ? ROUND_TEXT.stepDown[e.stepDown.why](
                  list.forms.find((f) => f.code === e.stepDown?.from)?.shortName ?? e.stepDown.from,
                )
              : null,
            forms: list.forms.map((f) => formCheck(f.name, e.eligibility.get(f.code))),
            reference: list.forms.map((f) => formCheck(f.name, e.reference.get(f.code))),
          })),
        })),
      };
    }),
  };
}

export function buildReport(input: {
  movementId: string;
  year: number;
  now: string;
  registry: Registry;
  units?: readonly UnitOutcome[];
  proposals?: ProposeResult;
  round?: NonNullable<Report['round']>;
  statusWorkbook?: string | null;
  counters: Counters;
}): Report {
  const units =
    input.units ??
    [...(input.proposals?.statuses ?? new Map())].map(([code, s]) => ({
      code,
      status: s.status,
      problems: s.problems,
    }));
  return {
    movement: input.movementId,
    year: input.year,
    generatedAt: input.now,
    registryProblems: [...input.registry.problems],
    unitsRead: input.units !== undefined,
    units: units.map((u) => ({
      code: u.code,
      name: input.registry.units.get(u.code)?.name ?? u.code,
      status: u.status,
      problems: u.problems,
    })),
    councils: (input.proposals?.councils ?? []).map((c) => {
      const frozen = input.proposals?.frozen.get(c.code);
      return {
        ...(frozen ? frozen.list : councilSummary(c)),
        workbook: input.proposals?.written.get(c.code) ?? null,
        published: frozen !== undefined || (input.proposals?.published.includes(c.code) ?? false),
        publication: frozen ? { version: frozen.version, at: frozen.publishedAt, by: frozen.by } : null,
        ignoredChoices: frozen?.ignored ?? [],
        lateChoices: (input.proposals?.late.get(c.code) ?? []).map(
          (cell) => `${PROPOSAL_LABELS.tiedTab}!${cell}`,
        ),
        reviewProblems: (input.proposals?.reviewProblems.get(c.code) ?? []).map(
          (p) => `${cellRef(p.tab, p.cell)}: ${p.message}`,
        ),
        documentsError: documentsErrorOf(input.proposals?.documentFailures.get(c.code)),
        withheld: frozen ? [] : (input.proposals?.withheld.get(c.code) ?? []),
      };
    }),
    ...(input.round ? { round: input.round } : {}),
    ...(input.statusWorkbook !== undefined ? { statusWorkbook: input.statusWorkbook } : {}),
    counters: { ...input.counters },
  };
}

const documentsErrorOf = (failure: { reason: keyof typeof DOCUMENT_FAILURE_TEXT } | undefined) =>
  failure ? DOCUMENT_FAILURE_TEXT[failure.reason] : null;
