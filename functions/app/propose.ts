/**
 * Proposals, on the propose queue: after a sync run completes (the last worker asks), on the
 * fallback schedule, and on demand. Ranks every council (or the ones asked for) and writes the
 * proposal spreadsheets that changed.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { GoogleDocuments } from '../../shared/adapters/google/documents.ts';
import { JOB_LEASE } from '../../shared/app/lease.ts';
import { pendingBlocks } from '../../shared/domain/history.ts';
import type { Registry } from '../../shared/domain/registry.ts';
import { HISTORY_TABS, parseHistory } from '../../shared/present/history-read.ts';
import { formatVietnamTime, vietnamDate } from '../../shared/present/time.ts';
import { proposeAwards } from '../../shared/usecases/propose.ts';
import { proposeRound, roundWorkbookOnMedium } from '../../shared/usecases/round.ts';
import { spreadsheetLink, statusSpreadsheetOf, writeSectorStatus } from '../../shared/usecases/status.ts';
import { logger } from '../lib/logger.ts';
import {
  type ProposeMessage,
  parseBody,
  proposeMessageSchema,
  RecordFailed,
  sqsEventSchema,
} from '../lib/messages.ts';
import { PENDING_RECORD, readMarks, setMark } from '../lib/records.ts';
import type { Runtime } from '../lib/runtime.ts';

/**
 * The councils' documents as Google Docs in their Drive folders: built here, not in the shared
 * runtime, so only this function's bundle carries the `.docx` writer.
 */
const documentsOf = (rt: Runtime) =>
  rt.clients.driveWrite
    ? new GoogleDocuments({
        drive: rt.clients.driveWrite,
        caller: rt.caller,
        rootUrl: rt.clients.rootUrl,
        ...(rt.config.SHARED_DRIVE_FOLDER ? { fallbackFolder: rt.config.SHARED_DRIVE_FOLDER } : {}),
      })
    : undefined;

/** The award history spreadsheet, when the office keeps one (its problems logged, never fatal). */
async function historyOf(rt: Runtime) {
  if (!rt.config.HISTORY_ID) return { records: [], initiatives: null };
  const history = parseHistory(
    await rt.workbooks.readWorkbook(rt.config.HISTORY_ID, HISTORY_TABS),
    rt.movement,
  );
  if (history.problems.length) logger.warn('award history problems', { problems: history.problems.length });
  return history;
}

/** A mid-term or final round: each council's round spreadsheet in the shared drive, its choices kept. */
async function proposeRoundLists(rt: Runtime, message: ProposeMessage, registry: Registry) {
  const campaign = rt.movement.campaigns.find((c) => c.kind === message.round);
  if (!campaign) throw new Error(`the movement has no ${message.round} round`);
  const result = await proposeRound(
    { store: rt.store, sink: rt.workbooks, source: rt.workbooks, publications: rt.publications },
    {
      movement: rt.movement,
      campaign,
      registry,
      ...(await historyOf(rt).then((h) => ({ history: h.records, initiatives: h.initiatives }))),
      location: roundWorkbookOnMedium(rt.workbooks, campaign),
      ...(message.councils ? { councils: message.councils } : {}),
    },
  );
  logger.info('round', {
    runId: message.runId,
    round: campaign.kind,
    councils: result.councils.length,
    written: result.written.size,
    published: result.published.size,
    choicesNotUsed: result.problems.length,
    withoutWorkbook: result.councils.filter((c) => !result.written.has(c.code)).map((c) => c.code),
    late: [...result.late.keys()],
  });
}

export async function propose(rt: Runtime, event: unknown): Promise<SQSBatchResponse> {
  const documents = documentsOf(rt);
  const parsed = sqsEventSchema.parse(event) as unknown as SQSEvent;
  return processPartialResponse(
    parsed,
    (record: SQSRecord) => proposeRecord(rt, record, documents),
    new BatchProcessor(EventType.SQS),
    { processInParallel: false, throwOnFullBatchFailure: false },
  );
}

async function proposeRecord(
  rt: Runtime,
  record: SQSRecord,
  documents: GoogleDocuments | undefined,
): Promise<void> {
  const message = parseBody(proposeMessageSchema, record.body);
  if (!message) {
    logger.warn('poison message', { messageId: record.messageId });
    throw new RecordFailed('poison message');
  }
  try {
    const now = new Date().toISOString();
    const registry = await rt.loadRegistry();
    if (message.round) {
      await proposeRoundLists(rt, message, registry);
      await rt.leases.release({ name: JOB_LEASE, holder: message.runId });
      return;
    }
    const result = await proposeAwards(
      {
        sink: rt.workbooks,
        source: rt.workbooks,
        store: rt.store,
        publications: rt.publications,
        ...(documents ? { documents } : {}),
      },
      {
        movement: rt.movement,
        year: message.year,
        registry,
        proposalLocation: (council) => registry.units.get(council)?.proposalWorkbook ?? null,
        ...(message.councils ? { only: message.councils } : {}),
        // Pending discipline, inspection, complaint (the award history) keep a candidate out.
        ...(rt.config.HISTORY_ID ? { pending: pendingBlocks((await historyOf(rt)).records) } : {}),
        // A person listed by two units: each unit is told in its tab (the proposals hold the person).
        crossCheckAt: now,
        documentsDate: vietnamDate(now),
      },
    );
    if (result.flagged.length) logger.warn('staff ids listed by several units', { units: result.flagged });
    // The sector status the office follows, once the run's units are all checked.
    const status = await writeSectorStatus(
      { store: rt.store, sink: rt.workbooks, publications: rt.publications },
      {
        movement: rt.movement,
        year: message.year,
        registry,
        location: statusSpreadsheetOf(registry),
        link: spreadsheetLink,
        time: formatVietnamTime,
        documentsFailed: new Set(result.documentFailures.keys()),
      },
    );
    // The run is over once its proposals are made: the next night's dispatcher may start, and
    // the fallback schedule has nothing left to do.
    if ((await readMarks(rt.store, message.year, [PENDING_RECORD])).has(PENDING_RECORD))
      await setMark(rt.store, message.year, PENDING_RECORD, '');
    await rt.leases.release({ name: JOB_LEASE, holder: message.runId });
    logger.info('proposals', {
      runId: message.runId,
      councils: result.councils.length,
      written: result.written.size,
      rewritten: result.rewritten.length,
      documents: result.documents.size,
      statusWritten: status.written,
      withoutWorkbook: result.councils.filter((c) => !result.written.has(c.code)).map((c) => c.code),
    });
    // A council whose documents could not be written: its list is recorded; said once, no retry.
    for (const [council, failure] of result.documentFailures)
      logger.error('council documents not written', {
        runId: message.runId,
        council,
        reason: failure.reason,
        detail: failure.detail,
      });
    // Still typing through every write: the cells are named, for the council to type again.
    for (const [council, cells] of result.late)
      logger.warn('choices saved during the last write', { runId: message.runId, council, cells });
  } catch (error) {
    logger.error('proposals failed', {
      runId: message.runId,
      error: error instanceof Error ? error.name : 'unknown',
    });
    throw new RecordFailed('proposals failed', { cause: error });
  }
}
