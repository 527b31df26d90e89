/**
 * The council's official documents, from the same data as its proposal workbook: the Tờ trình
 * đề nghị khen thưởng (to the level above), the Danh sách đề nghị khen thưởng, and the Biên bản
 * họp Hội đồng. Each is laid out as Nghị định 30/2020/NĐ-CP sets administrative documents out:
 * issuing body and national title side by side, number and place–date line, title, content,
 * recipients and signer. Pure: a medium-independent document model; the `.docx` adapter renders it.
 * Numbers, dates and names left for the office to fill are dotted lines, never guessed.
 */

import type { CouncilProposal, SubjectProposal } from '../domain/candidates.ts';
import type { Cell } from '../domain/grid.ts';
import type { RegistryUnit } from '../domain/registry.ts';
import { formatDate, matchKey } from '../domain/text.ts';
import { legalBasesOn, type Movement } from '../movement/movement.ts';
import { BODY_ABOVE, DOCUMENT_TEXT, DOCUMENTS } from '../text/documents.ts';
import { PROPOSAL_TEXT } from '../text/proposals.ts';
import { letterheadName, unbreakable } from './print-layout.ts';

export type Run = string | { readonly text: string; readonly bold?: boolean; readonly italic?: boolean };

export interface SignerBox {
  readonly kind: 'signer';
  /** Lines in bold: “TM. HỘI ĐỒNG …”, “CHỦ TỊCH”. */
  readonly titles: readonly string[];
  readonly hint?: string;
}

export interface RecipientsBox {
  readonly kind: 'recipients';
  readonly recipients: readonly string[];
}

export type Block =
  | {
      /** Nghị định 30/2020: the issuing body (under its governing body) left, quốc hiệu and tiêu ngữ right. */
      readonly kind: 'letterhead';
      readonly governing: string;
      readonly issuer: string;
      /** “Số: …/TTr-HĐTĐKT”; absent on an attachment. */
      readonly number?: string;
      readonly placeDate?: string;
    }
  | { readonly kind: 'title'; readonly lines: readonly string[]; readonly note?: string }
  | {
      readonly kind: 'paragraph';
      readonly runs: readonly Run[];
      readonly align?: 'left' | 'center' | 'justify';
      /** First-line indent, as body text is set. */
      readonly indent?: boolean;
      readonly bold?: boolean;
      readonly italic?: boolean;
    }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly Cell[])[];
      /** Relative widths of the columns. */
      readonly widths: readonly number[];
      readonly centered?: readonly number[];
    }
  | { readonly kind: 'signatures'; readonly left: SignerBox | RecipientsBox; readonly right: SignerBox };

export interface DocumentModel {
  /** File name without extension (ASCII, stable): `to-trinh-T01`. */
  readonly name: string;
  /** What the document is, as the office calls it (a Google Doc's title). */
  readonly title: string;
  readonly orientation: 'portrait' | 'landscape';
  readonly blocks: readonly Block[];
}

export interface DocumentsInput {
  readonly movement: Movement;
  readonly year: number;
  readonly proposal: CouncilProposal;
  readonly units: ReadonlyMap<string, RegistryUnit>;
  /** Units of the council whose workbook is not accepted, with why (their people are not in the list). */
  readonly unread: readonly { readonly code: string; readonly status: string }[];
  /** The date the documents are drawn up (YYYY-MM-DD): which laws are cited. Passed in; no clock here. */
  readonly date: string;
}

/** A body paragraph: justified, first line indented, unless `extra` says otherwise. */
export const p = (text: string, extra: Partial<Extract<Block, { kind: 'paragraph' }>> = {}): Block => ({
  kind: 'paragraph',
  runs: [text],
  align: 'justify',
  indent: true,
  ...extra,
});

/** A share in percent as the documents print it (91,67). */
export const percent = (c: { points: number; max: number }) =>
  c.max === 0 ? '0' : (Math.round((c.points * 10_000) / c.max) / 100).toLocaleString('vi-VN');
/** Points kept in hundredths, as the documents print them (12,5). */
export const points = (hundredths: number) => (hundredths / 100).toLocaleString('vi-VN');

/**
 * To whom a council's proposal goes: the council of the nearest unit above that runs one; above the
 * registry's top unit, the body its level answers to (BODY_ABOVE: a province-only registry's papers
 * go to the VKSNDTC's council); the sector's top council, to its own Viện trưởng.
 */
export function recipientOf(units: ReadonlyMap<string, RegistryUnit>, code: string): string {
  let top = units.get(code);
  let parent = top?.parentCode ?? null;
  while (parent) {
    const unit = units.get(parent);
    if (!unit) break;
    if (unit.runsCouncil) return DOCUMENT_TEXT.council(unit.name);
    top = unit;
    parent = unit.parentCode;
  }
  const level = matchKey(top?.level ?? '');
  const above = Object.entries(BODY_ABOVE).find(([label]) => matchKey(label) === level)?.[1];
  return above ? DOCUMENT_TEXT.council(above) : DOCUMENTS.head(units.get(code)?.name ?? code);
}

/**
 * How a Tờ trình opens: to whom, then the laws in force on its date and the movement's plan as
 * its grounds (“Căn cứ …”).
 */
export function submissionGrounds(movement: Movement, date: string, recipient: string): Block[] {
  return [
    { kind: 'paragraph', runs: [{ text: DOCUMENTS.to, italic: false }, recipient], align: 'center' },
    ...legalBasesOn(movement, date).map((b) => p(DOCUMENTS.basis(b.text))),
    p(
      DOCUMENTS.planBasis(
        movement.plan.number,
        formatDate(movement.plan.date),
        movement.plan.issuer,
        movement.name,
      ),
    ),
  ];
}

/** The three documents of one council. */
export function councilDocuments(input: DocumentsInput): DocumentModel[] {
  const { movement, year, proposal: c, units } = input;
  const council = DOCUMENT_TEXT.council(c.name);
  const letterhead = (number?: string): Block => ({
    kind: 'letterhead',
    governing: letterheadName(c.name),
    issuer: unbreakable(DOCUMENT_TEXT.councilShort),
    ...(number ? { number, placeDate: DOCUMENT_TEXT.placeDate } : {}),
  });
  const policy = movement.quotaPolicies.find(
    (q) => q.validFrom <= `${year + 1}-05-31` && `${year}-06-01` <= q.validTo,
  );
  const policySource = policy
    ? `${policy.source.document}${policy.source.article ? `, mục ${policy.source.article}` : ''}`
    : '';
  const forms = (s: SubjectProposal) => s.awardForm || DOCUMENTS.noForm;
  const rounding = PROPOSAL_TEXT.rounding[c.individuals.quota.rounding];
  const quotaLines = [
    p(
      DOCUMENTS.collectiveQuota(
        c.collectives.quota.base,
        c.collectives.quotaText,
        rounding,
        c.collectives.quota.quota,
      ),
    ),
    p(
      DOCUMENTS.individualQuota(
        c.individuals.quota.base,
        c.individuals.quotaText,
        rounding,
        c.individuals.quota.quota,
      ),
    ),
  ];
  const chair: SignerBox = {
    kind: 'signer',
    titles: [DOCUMENT_TEXT.onBehalf, DOCUMENT_TEXT.chair],
    hint: DOCUMENT_TEXT.signSealHint,
  };
  const recipient = recipientOf(units, c.code);
  const nCollectives = c.collectives.proposed.length;
  const nPeople = c.individuals.proposed.length;

  const submission: DocumentModel = {
    name: `to-trinh-${c.code}`,
    title: DOCUMENTS.submissionName(c.name, year),
    orientation: 'portrait',
    blocks: [
      letterhead(DOCUMENTS.number('TTr')),
      { kind: 'title', lines: [DOCUMENTS.submissionTitle, DOCUMENTS.submissionAbout(year)] },
      ...submissionGrounds(movement, input.date, recipient),
      p(DOCUMENTS.resultBasis(year, council)),
      p(DOCUMENTS.propose(council, recipient, year, movement.name)),
      ...(nCollectives
        ? [p(DOCUMENTS.proposeLine(forms(c.collectives), DOCUMENTS.collectives(nCollectives)))]
        : []),
      ...(nPeople ? [p(DOCUMENTS.proposeLine(forms(c.individuals), DOCUMENTS.people(nPeople)))] : []),
      ...(nCollectives + nPeople === 0 ? [p(DOCUMENTS.proposeNone)] : []),
      p(DOCUMENTS.withinQuota(policySource)),
      ...quotaLines,
      p(DOCUMENTS.closing(recipient)),
      {
        kind: 'signatures',
        left: { kind: 'recipients', recipients: [DOCUMENTS.asAbove, DOCUMENTS.archive] },
        right: chair,
      },
    ],
  };

  const collectiveRows = c.collectives.proposed.map((x, i): Cell[] => [
    i + 1,
    x.name,
    points(x.points),
    percent(x),
    forms(c.collectives),
  ]);
  const personRows = c.individuals.proposed.map((x, i): Cell[] => [
    i + 1,
    x.name,
    x.position,
    x.unitName,
    points(x.points),
    percent(x),
    forms(c.individuals),
  ]);
  const list: DocumentModel = {
    name: `danh-sach-${c.code}`,
    title: DOCUMENTS.listName(c.name, year),
    orientation: 'landscape',
    blocks: [
      letterhead(),
      {
        kind: 'title',
        lines: [DOCUMENTS.listTitle, DOCUMENT_TEXT.year(year)],
        note: DOCUMENTS.attachedTo(council),
      },
      p(DOCUMENTS.collectivesPart(nCollectives), { bold: true, indent: false }),
      collectiveRows.length
        ? {
            kind: 'table',
            header: DOCUMENTS.collectiveHeader,
            rows: collectiveRows,
            widths: [7, 44, 10, 10, 29],
            centered: [0, 2, 3],
          }
        : p(DOCUMENT_TEXT.nothing, { indent: false }),
      p(DOCUMENTS.peoplePart(nPeople), { bold: true, indent: false }),
      personRows.length
        ? {
            kind: 'table',
            header: DOCUMENTS.personHeader,
            rows: personRows,
            widths: [6, 19, 14, 24, 8, 8, 21],
            centered: [0, 4, 5],
          }
        : p(DOCUMENT_TEXT.nothing, { indent: false }),
      p(DOCUMENTS.listTotal(nCollectives, nPeople), { italic: true, indent: false }),
      {
        kind: 'signatures',
        left: { kind: 'signer', titles: [DOCUMENT_TEXT.preparer], hint: DOCUMENT_TEXT.signHint },
        right: chair,
      },
    ],
  };

  const ranked = (s: SubjectProposal) =>
    s.proposed.length + s.tiedAtLine.length + s.notProposed.filter((n) => n.rank !== null).length;
  const ineligible = (s: SubjectProposal) => s.notProposed.filter((n) => n.rank === null).length;
  const tieLine = (label: string, s: SubjectProposal) => {
    const tied = s.decision?.tied ?? s.tiedAtLine;
    if (!tied.length) return DOCUMENTS.noTie(label);
    return s.decision && !s.decision.overflow
      ? DOCUMENTS.tieDecided(label, tied.length, s.decision.chosen.length)
      : DOCUMENTS.tieOpen(label, tied.length, s.placesForTied);
  };
  const voteRows: Cell[][] = [
    ...c.collectives.proposed.map((x): Cell[] => [x.name, '', percent(x)]),
    ...c.individuals.proposed.map((x): Cell[] => [x.name, x.unitName, percent(x)]),
  ].map((row, i) => [i + 1, ...row, null, null]);
  const formNames = [...new Set([c.collectives, c.individuals].filter((s) => s.proposed.length).map(forms))];
  const memberRows: Cell[][] = Array.from({ length: 9 }, (_, i) => [i + 1, null, null, null, null]);
  const minutes: DocumentModel = {
    name: `bien-ban-${c.code}`,
    title: DOCUMENTS.minutesName(c.name, year),
    orientation: 'portrait',
    blocks: [
      letterhead(DOCUMENTS.number('BB')),
      { kind: 'title', lines: [DOCUMENTS.minutesTitle, DOCUMENTS.minutesAbout(council, year)] },
      p(DOCUMENTS.time),
      p(DOCUMENTS.place),
      p(DOCUMENTS.attendance, { bold: true, indent: false }),
      p(DOCUMENTS.chairLine),
      p(DOCUMENTS.secretaryLine),
      p(DOCUMENTS.membersLine),
      {
        kind: 'table',
        header: DOCUMENTS.memberHeader,
        rows: memberRows,
        widths: [7, 30, 24, 22, 17],
        centered: [0],
      },
      p(DOCUMENTS.content, { bold: true, indent: false }),
      p(DOCUMENTS.quotaHeading(policySource), { bold: true }),
      ...quotaLines,
      p(DOCUMENTS.rankingHeading, { bold: true }),
      p(DOCUMENTS.rankingLine(PROPOSAL_TEXT.collectives, ranked(c.collectives), ineligible(c.collectives))),
      p(DOCUMENTS.rankingLine(PROPOSAL_TEXT.individuals, ranked(c.individuals), ineligible(c.individuals))),
      p(tieLine(PROPOSAL_TEXT.collectives, c.collectives)),
      p(tieLine(PROPOSAL_TEXT.individuals, c.individuals)),
      p(
        input.unread.length
          ? DOCUMENTS.unread(
              input.unread.map((u) => `${units.get(u.code)?.name ?? u.code} (${u.status})`).join('; '),
            )
          : DOCUMENTS.allRead,
      ),
      p(DOCUMENTS.voteHeading(formNames.join('; ')), { bold: true }),
      voteRows.length
        ? {
            kind: 'table',
            header: DOCUMENTS.voteHeader,
            rows: voteRows,
            widths: [7, 30, 30, 11, 11, 11],
            centered: [0, 3],
          }
        : p(DOCUMENT_TEXT.nothing),
      p(DOCUMENTS.conclusion(nCollectives, nPeople)),
      p(DOCUMENTS.end),
      {
        kind: 'signatures',
        left: { kind: 'signer', titles: [DOCUMENTS.secretary], hint: DOCUMENT_TEXT.signHint },
        right: {
          kind: 'signer',
          titles: [DOCUMENTS.presiding, DOCUMENT_TEXT.chair],
          hint: DOCUMENT_TEXT.signHint,
        },
      },
    ],
  };
  return [submission, list, minutes];
}

/** Every text of a document, in order (for checks, and for a digest that changes when the content does). */
export function documentText(doc: DocumentModel): string[] {
  const texts = (b: Block): string[] => {
    if (b.kind === 'letterhead') return [b.governing, b.issuer, b.number ?? '', b.placeDate ?? ''];
    if (b.kind === 'title') return [...b.lines, b.note ?? ''];
    if (b.kind === 'paragraph') return [b.runs.map((r) => (typeof r === 'string' ? r : r.text)).join('')];
    if (b.kind === 'table') return [...b.header, ...b.rows.flat().map((v) => (v === null ? '' : String(v)))];
    return [...(b.left.kind === 'recipients' ? b.left.recipients : b.left.titles), ...b.right.titles];
  };
  return doc.blocks.flatMap(texts);
}
