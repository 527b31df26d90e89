/** A council's mid-term or final round workbook: the candidates over the movement's years and the council's choice of form. */

import type { Eligibility } from '../domain/eligibility.ts';
import type { Cell } from '../domain/grid.ts';
import { NO_FORM } from '../domain/round-choices.ts';
import { tiersOf } from '../domain/round-tiers.ts';
import type { RoundCouncil, RoundEntry, RoundList } from '../domain/rounds.ts';
import { formatDate } from '../domain/text.ts';
import type { Campaign, Movement } from '../movement/movement.ts';
import { yearLabel } from '../text/common.ts';
import { DOCUMENT_TEXT } from '../text/documents.ts';
import { PROPOSAL_TEXT, reasonText } from '../text/proposals.ts';
import { conditionText, ELIGIBILITY_TEXT, eligibilitySummary, ROUND_TEXT } from '../text/rounds.ts';
import { listTab } from './print-layout.ts';
import { councilChoiceColumn } from './proposal-book.ts';
import { type Published, publishedLines, sourceText, summaryTab } from './proposal-summary.ts';
import type { SheetTab, WorkbookModel } from './sheet-model.ts';

export interface RoundRenderInput {
  readonly movement: Movement;
  readonly campaign: Campaign;
  readonly council: RoundCouncil;
  /** The list is published (khóa sổ): the summary says when, by whom, and that it stays so. */
  readonly published?: Published;
}

const STATE_TEXT: Record<Eligibility['state'], string> = {
  eligible: ROUND_TEXT.allMet,
  ineligible: ROUND_TEXT.someMissed,
  needsCheck: ROUND_TEXT.toCheck,
};

const lines = (e: Eligibility) => {
  const conditions = e.conditions.map(
    (c) => `${c.label}: ${ELIGIBILITY_TEXT[c.state]} — ${conditionText(c.detail)}`,
  );
  return [
    ...(conditions.length ? conditions : [eligibilitySummary(e)]),
    `${ROUND_TEXT.source}: ${sourceText(e.rule?.source)}`,
  ];
};

/**
 * One form's checklist for a candidate, in a cell: the movement award's standard (checked: the
 * verdict, each condition, its source), then the career-merit chain as information only.
 */
export function checklistText(e: Eligibility | undefined, reference?: Eligibility): string {
  if (!e) return '';
  return [
    `${ROUND_TEXT.standard}: ${STATE_TEXT[e.state]}.`,
    ...lines(e),
    ...(reference
      ? ['', `${ROUND_TEXT.reference}: ${STATE_TEXT[reference.state]}.`, ...lines(reference)]
      : []),
  ].join('\n');
}

/** The suggested form, and why it is below what the place gives, if it is. */
function suggestedText(list: RoundList, e: RoundEntry): string {
  const name = (code: string | null) => list.forms.find((f) => f.code === code)?.name ?? '';
  if (!e.suggested) return '';
  if (!e.stepDown) return name(e.suggested);
  const from = list.forms.find((f) => f.code === e.stepDown?.from)?.shortName ?? e.stepDown.from;
  return `${name(e.suggested)} (${ROUND_TEXT.stepDown[e.stepDown.why](from)})`;
}

/** How the movement file splits a round's list among its forms, as the summary says it. */
export function tiersText(campaign: Campaign, list: RoundList): string {
  const tiers = tiersOf(campaign, list.subject);
  if (!tiers.length) return ROUND_TEXT.noTiers;
  return tiers
    .map((t) => {
      const form = list.forms.find((f) => f.code === t.form)?.name ?? t.form;
      const size = t.share
        ? ROUND_TEXT.tierShare(t.share.numerator, t.share.denominator, t.rounding === 'atLeastOne')
        : t.count !== undefined
          ? ROUND_TEXT.tierCount(t.count)
          : ROUND_TEXT.tierRest;
      return (
        ROUND_TEXT.tierPart(form, size) +
        (t.sectorLimit !== undefined ? ROUND_TEXT.tierLimit(t.sectorLimit) : '')
      );
    })
    .join('; ');
}

const yearsText = (years: readonly number[]) => years.map((y) => yearLabel(y)).join(', ');

/**
 * A council's round proposal: a summary, then one list per subject — every candidate ranked by the
 * movement's results, thidua's selection with one suggested form each, and, for every form the round
 * allows, the conditions as the council's checklist.
 */
export function roundWorkbookModel(input: RoundRenderInput): WorkbookModel {
  const { movement, campaign, council } = input;
  const kind = ROUND_TEXT.kinds[campaign.kind] ?? campaign.kind;
  const councilLine = DOCUMENT_TEXT.councilUpper(council.name);
  const period = DOCUMENT_TEXT.roundYears(kind, campaign.fromYear, campaign.toYear);
  const selection = movement.roundRanking.selection;
  const formName = (list: RoundList, code: string | null) =>
    list.forms.find((f) => f.code === code)?.name ?? '';
  const summaryRows = council.lists.flatMap((list) =>
    list.forms.map((form): Cell[] => {
      const suggested = list.entries.filter((e) => e.form === form.code);
      return [
        list.subject === 'collective' ? PROPOSAL_TEXT.collectives : PROPOSAL_TEXT.individuals,
        form.name,
        suggested.length,
        list.base ? Math.round((suggested.length * 10_000) / list.base) / 100 : 0,
        suggested.filter((e) => e.eligibility.get(form.code)?.state === 'eligible').length,
        suggested.filter((e) => e.eligibility.get(form.code)?.state === 'needsCheck').length,
      ];
    }),
  );
  const summary = summaryTab({
    councilName: council.name,
    title: ROUND_TEXT.title(kind),
    subtitle: period,
    widths: [12, 34, 12, 14, 14, 14],
    lines: [
      [PROPOSAL_TEXT.movement, movement.name],
      [ROUND_TEXT.reviewDate, campaign.reviewDate ? formatDate(campaign.reviewDate) : ''],
      [ROUND_TEXT.ranking, movement.roundRanking.note],
      [ROUND_TEXT.selection, selection?.source.note ?? ROUND_TEXT.noSelection],
      ...council.lists.map((list): [string, Cell] => [
        `${ROUND_TEXT.tiers} (${(list.subject === 'collective' ? PROPOSAL_TEXT.collectives : PROPOSAL_TEXT.individuals).toLocaleLowerCase('vi')})`,
        tiersText(campaign, list),
      ]),
      ...council.lists.map((list): [string, Cell] => [
        list.subject === 'collective' ? PROPOSAL_TEXT.collectives : PROPOSAL_TEXT.individuals,
        ROUND_TEXT.listLine(
          list.entries.length,
          list.entries.filter((e) => e.rank !== null).length,
          list.entries.filter((e) => e.form !== null).length,
          list.quotaText,
        ),
      ]),
      ...publishedLines(input.published),
    ],
    header: ROUND_TEXT.formsHeader,
    body: summaryRows,
    centered: [2, 3, 4, 5],
  });
  const tabs = council.lists.map((list): SheetTab => {
    const collective = list.subject === 'collective';
    const body = list.entries.map((e): Cell[] => [
      e.rank,
      e.candidate.id,
      e.candidate.name,
      ...(collective ? [] : [e.candidate.unitName]),
      e.candidate.max === 0 ? 0 : Math.round((e.candidate.points * 10_000) / e.candidate.max) / 100,
      `${e.years.length}/${e.years.length + e.missingYears.length}${e.missingYears.length ? ` (${ROUND_TEXT.missing}: ${yearsText(e.missingYears)})` : ''}`,
      e.selection === 'proposed'
        ? ROUND_TEXT.proposed
        : e.selection === 'tied'
          ? ROUND_TEXT.tied
          : e.selection === 'listed'
            ? ROUND_TEXT.listed
            : e.reason
              ? reasonText(e.reason)
              : '',
      suggestedText(list, e),
      e.choice === null ? null : e.choice === NO_FORM ? ROUND_TEXT.noForm : formName(list, e.choice),
      ...list.forms.map((f) => checklistText(e.eligibility.get(f.code), e.reference.get(f.code))),
    ]);
    const header = [
      ...(collective ? ROUND_TEXT.collectiveHeader : ROUND_TEXT.header),
      ROUND_TEXT.choiceHeader,
      ...list.forms.map((f) => ROUND_TEXT.formColumn(f.name)),
    ];
    const choiceCol = (collective ? ROUND_TEXT.collectiveHeader : ROUND_TEXT.header).length;
    const layout = listTab({
      title: collective ? ROUND_TEXT.collectiveTab : ROUND_TEXT.tab,
      heading: [councilLine, ROUND_TEXT.listTitle(collective), period],
      header,
      body,
      widths: [
        6,
        10,
        collective ? 28 : 20,
        ...(collective ? [] : [22]),
        9,
        12,
        16,
        20,
        20,
        ...list.forms.map(() => 38),
      ],
      centered: [0, 1, collective ? 3 : 4],
      footnotes: [ROUND_TEXT.choiceNote],
      signature: true,
    });
    return councilChoiceColumn(layout, choiceCol, list.entries.length, [
      ...list.forms.map((f) => f.name),
      ROUND_TEXT.noForm,
    ]);
  });
  return { tabs: [summary, ...tabs] };
}
