/**
 * A council's papers for a mid-term or final round: the Tờ trình (the nominees counted by form),
 * the Danh sách đề nghị (grouped by form, collectives then people), and for every nominee a draft
 * of the achievement report (báo cáo thành tích) for an award at a movement's review — identity,
 * unit and position, the movement's years with ratings and shares, the initiatives and awards on
 * record — leaving only the narrative of the achievements to the person. Laid out as Nghị định
 * 30/2020/NĐ-CP sets documents out; pure (the `.docx` adapter renders the models).
 */

import type { HistoryRecord, Initiative } from '../domain/history.ts';
import type { RegistryUnit } from '../domain/registry.ts';
import type { RoundCouncil, RoundEntry, RoundList } from '../domain/rounds.ts';
import { formatDate } from '../domain/text.ts';
import type { Campaign, Movement } from '../movement/movement.ts';
import { yearLabel } from '../text/common.ts';
import { DOCUMENT_TEXT, DOCUMENTS } from '../text/documents.ts';
import { ROUND_DOCUMENTS as T } from '../text/round-documents.ts';
import { ROUND_TEXT } from '../text/rounds.ts';
import { GENDER_LABELS, HISTORY_CHOICES, INITIATIVE_LEVELS } from '../text/sheets.ts';
import {
  type Block,
  type DocumentModel,
  p,
  percent,
  points,
  recipientOf,
  type SignerBox,
  submissionGrounds,
} from './documents.ts';
import { letterheadName, unbreakable } from './print-layout.ts';

export interface RoundDocumentsInput {
  readonly movement: Movement;
  readonly campaign: Campaign;
  readonly council: RoundCouncil;
  readonly units: ReadonlyMap<string, RegistryUnit>;
  readonly history: readonly HistoryRecord[];
  /** Null: the history keeps no initiatives (the report says so, never “none”). */
  readonly initiatives: readonly Initiative[] | null;
  /** There is no award history file at all (said as such, not as a file without its tab). */
  readonly historyAbsent?: boolean;
  /** The date the papers are drawn up (YYYY-MM-DD): which laws are cited. */
  readonly date: string;
}

const heading = (text: string): Block => p(text, { bold: true, indent: false });

const KIND_LABEL: Record<HistoryRecord['kind'], string> = {
  merit: HISTORY_CHOICES.merit,
  achievement: HISTORY_CHOICES.achievement,
  thematic: HISTORY_CHOICES.thematic,
  sudden: HISTORY_CHOICES.sudden,
  pending: '',
};

/** The nominees of a list: those with a form, in rank order. */
const nominees = (list: RoundList | undefined) => (list?.entries ?? []).filter((e) => e.form !== null);

/** The council's round papers: Tờ trình, Danh sách, then one achievement report per nominee. */
export function roundDocuments(input: RoundDocumentsInput): DocumentModel[] {
  const { movement, campaign, council, units } = input;
  const kindWord = ROUND_TEXT.kinds[campaign.kind] ?? campaign.kind;
  const round = T.roundName(kindWord, movement.name, campaign.fromYear, campaign.toYear);
  const councilName = DOCUMENT_TEXT.council(council.name);
  const people = council.lists.find((l) => l.subject === 'individual');
  const collectives = council.lists.find((l) => l.subject === 'collective');
  const forms = [...(people?.forms ?? collectives?.forms ?? [])].reverse(); // highest first
  const byForm = forms
    .map((f) => ({
      form: f,
      collectives: nominees(collectives).filter((e) => e.form === f.code),
      people: nominees(people).filter((e) => e.form === f.code),
    }))
    .filter((g) => g.collectives.length + g.people.length > 0);
  const letterhead = (number?: string): Block => ({
    kind: 'letterhead',
    governing: letterheadName(council.name),
    issuer: unbreakable(DOCUMENT_TEXT.councilShort),
    ...(number ? { number, placeDate: DOCUMENT_TEXT.placeDate } : {}),
  });
  const chair: SignerBox = {
    kind: 'signer',
    titles: [DOCUMENT_TEXT.onBehalf, DOCUMENT_TEXT.chair],
    hint: DOCUMENT_TEXT.signSealHint,
  };
  const recipient = recipientOf(units, council.code);
  const suffix = `${council.code}-${campaign.kind}`;

  const submission: DocumentModel = {
    name: `to-trinh-${suffix}`,
    title: T.submissionName(kindWord, council.name),
    orientation: 'portrait',
    blocks: [
      letterhead(DOCUMENTS.number('TTr')),
      { kind: 'title', lines: [DOCUMENTS.submissionTitle, T.submissionAbout(kindWord)] },
      ...submissionGrounds(movement, input.date, recipient),
      p(T.resultBasis(kindWord, councilName)),
      p(T.propose(councilName, recipient, round)),
      ...(byForm.length
        ? byForm.map((g) => p(T.proposeLine(g.form.name, g.collectives.length, g.people.length)))
        : [p(T.proposeNone)]),
      p(T.choiceNote),
      p(DOCUMENTS.closing(recipient)),
      {
        kind: 'signatures',
        left: { kind: 'recipients', recipients: [DOCUMENTS.asAbove, DOCUMENTS.archive] },
        right: chair,
      },
    ],
  };

  const yearsOf = (e: RoundEntry) => `${e.years.length}/${e.years.length + e.missingYears.length}`;
  const share = (e: RoundEntry) => percent(e.candidate);
  const list: DocumentModel = {
    name: `danh-sach-${suffix}`,
    title: T.listName(kindWord, council.name),
    orientation: 'landscape',
    blocks: [
      letterhead(),
      {
        kind: 'title',
        lines: [
          DOCUMENTS.listTitle,
          T.listSubtitle(kindWord),
          T.listYears(campaign.fromYear, campaign.toYear),
        ],
        note: DOCUMENTS.attachedTo(councilName),
      },
      ...byForm.flatMap((g, i): Block[] => [
        heading(T.formPart(i, g.form.name, g.collectives.length + g.people.length)),
        ...(g.collectives.length
          ? [
              p(T.collectives(g.collectives.length), { italic: true, indent: false }),
              {
                kind: 'table' as const,
                header: T.collectiveHeader,
                rows: g.collectives.map((e, n) => [n + 1, e.candidate.name, e.rank, share(e), yearsOf(e)]),
                widths: [7, 53, 10, 15, 15],
                centered: [0, 2, 3, 4],
              },
            ]
          : []),
        ...(g.people.length
          ? [
              p(T.people(g.people.length), { italic: true, indent: false }),
              {
                kind: 'table' as const,
                header: T.personHeader,
                rows: g.people.map((e, n) => [
                  n + 1,
                  e.candidate.name,
                  e.candidate.position,
                  e.candidate.unitName,
                  e.rank,
                  share(e),
                  yearsOf(e),
                ]),
                widths: [6, 22, 16, 28, 7, 11, 10],
                centered: [0, 4, 5, 6],
              },
            ]
          : []),
      ]),
      ...(byForm.length ? [] : [p(DOCUMENT_TEXT.nothing, { indent: false })]),
      p(
        T.listTotal(
          byForm.reduce((n, g) => n + g.collectives.length, 0),
          byForm.reduce((n, g) => n + g.people.length, 0),
        ),
        { italic: true, indent: false },
      ),
      {
        kind: 'signatures',
        left: { kind: 'signer', titles: [DOCUMENT_TEXT.preparer], hint: DOCUMENT_TEXT.signHint },
        right: chair,
      },
    ],
  };

  const reports = [...nominees(collectives), ...nominees(people)].map((e) =>
    achievementReport(input, e, collectives?.entries.includes(e) ?? false, suffix),
  );
  return [submission, list, ...reports];
}

/**
 * The nominee's unit as the report's issuing body, its name once: a part of a unit (“Phòng 1,
 * VKSND tỉnh Bắc Ninh”) by its own part, the body above it being the line over it.
 */
const ownPart = (unitName: string) => unitName.split(/,\s*/)[0] ?? unitName;

/** One nominee's achievement report, pre-filled from what thidua holds. */
function achievementReport(
  input: RoundDocumentsInput,
  e: RoundEntry,
  collective: boolean,
  suffix: string,
): DocumentModel {
  const { movement, campaign, council, units } = input;
  const c = e.candidate;
  const form = movement.awardForms.find((f) => f.code === e.form)?.name ?? '';
  const unit = units.get(c.unitCode);
  const above = unit?.parentCode ? (units.get(unit.parentCode)?.name ?? '') : '';
  const rating = (code: string | null) => movement.ratings.find((r) => r.code === code)?.label ?? '';
  const line = (label: string, value: string) =>
    p(T.identity(label, value || T.blank), { indent: false, align: 'left' });
  const L = T.labels;
  const identity: Block[] = collective
    ? [
        line(L.unitCode, c.id),
        line(L.headcount, unit?.headcount != null ? String(unit.headcount) : ''),
        line(L.situation, ''),
      ]
    : [
        line(L.name, c.name),
        line(L.staffId, c.id),
        line(L.gender, c.gender ? GENDER_LABELS[c.gender] : ''),
        line(L.birth, ''),
        line(L.home, ''),
        line(L.position, c.position),
        line(L.unit, c.unitName),
        line(L.education, ''),
      ];
  const byYear = new Map(e.results.map((r) => [r.year, r]));
  const years = Array.from(
    { length: campaign.toYear - campaign.fromYear + 1 },
    (_, i) => campaign.fromYear + i,
  );
  const resultRows = years.map((year) => {
    const r = byYear.get(year);
    const cells = r ? [`${points(r.points)} / ${points(r.max)}`, percent(r)] : [T.noResult, ''];
    return collective ? [yearLabel(year), ...cells] : [yearLabel(year), r ? rating(r.rating) : '', ...cells];
  });
  const own = input.history.filter((h) => h.id === c.id && h.subject === c.subject && h.kind !== 'pending');
  const awardRows = [...own]
    .sort((a, b) => a.year - b.year)
    .map((h) => [
      yearLabel(h.year),
      movement.awardForms.find((f) => f.code === h.award)?.name ?? h.award,
      KIND_LABEL[h.kind],
      T.decision(h.decision, h.decisionDate),
    ]);
  const initiatives = collective ? [] : (input.initiatives ?? []).filter((i) => i.staffId === c.id);
  const initiativeBlocks: Block[] = collective
    ? []
    : [
        heading(T.initiatives),
        input.initiatives === null
          ? p(input.historyAbsent ? T.noHistoryFile : T.noInitiativeData, { italic: true, indent: false })
          : initiatives.length
            ? {
                kind: 'table',
                header: T.initiativesHeader,
                rows: initiatives.map((i) => [
                  yearLabel(i.year),
                  i.title,
                  INITIATIVE_LEVELS[i.level],
                  T.decision(i.decision, i.decisionDate ? formatDate(i.decisionDate) : ''),
                ]),
                widths: [16, 44, 18, 22],
                centered: [0],
              }
            : p(T.noInitiatives, { italic: true, indent: false }),
      ];
  return {
    name: `bao-cao-${suffix}-${c.id.toLowerCase().replace(/[^a-z0-9-]/g, '')}`,
    title: T.reportName(c.name, form),
    orientation: 'portrait',
    blocks: [
      {
        kind: 'letterhead',
        // The body above the unit; none when the unit is at the top (its name is not said twice).
        governing: letterheadName(
          above || (council.name !== (collective ? c.name : c.unitName) ? council.name : ''),
        ),
        issuer: letterheadName(ownPart(collective ? c.name : c.unitName)),
        placeDate: DOCUMENT_TEXT.placeDate,
      },
      {
        kind: 'title',
        lines: [
          T.reportTitle,
          T.reportProposed(form),
          T.reportAbout(movement.name, campaign.fromYear, campaign.toYear),
        ],
        note: T.templateNote,
      },
      p(collective ? T.whoCollective(c.name, above) : T.whoPerson(c.name, c.position, c.unitName), {
        bold: true,
        indent: false,
      }),
      heading(collective ? T.part1Collective : T.part1Person),
      ...identity,
      heading(T.part2),
      p(T.results(campaign.fromYear, campaign.toYear), { indent: false }),
      {
        kind: 'table',
        header: collective ? T.collectiveResultsHeader : T.resultsHeader,
        rows: resultRows,
        widths: collective ? [30, 40, 30] : [22, 30, 28, 20],
        centered: collective ? [0, 1, 2] : [0, 2, 3],
      },
      p(T.summary(percent(c), String(e.rank ?? '—'), DOCUMENT_TEXT.council(council.name))),
      ...initiativeBlocks,
      heading(T.narrative(collective ? 2 : 3)),
      ...Array.from({ length: 6 }, () => p(T.blank, { indent: false, align: 'left' })),
      heading(T.part3),
      awardRows.length
        ? { kind: 'table', header: T.awardsHeader, rows: awardRows, widths: [16, 40, 20, 24], centered: [0] }
        : p(T.noAwards, { italic: true, indent: false }),
      {
        kind: 'signatures',
        left: {
          kind: 'signer',
          titles: [collective ? T.aboveConfirms : T.headConfirms],
          hint: DOCUMENT_TEXT.signSealHint,
        },
        right: {
          kind: 'signer',
          titles: [collective ? T.collectiveHead : T.reporter],
          hint: collective ? DOCUMENT_TEXT.signSealHint : DOCUMENT_TEXT.signHint,
        },
      },
    ],
  };
}
