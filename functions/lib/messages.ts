/** Events and messages the functions accept, as zod schemas; types come from them. */
import type { SQSEvent } from 'aws-lambda';
import { z } from 'zod';
import { registryUnitSchema } from '../../shared/domain/registry.ts';

export const syncMessageSchema = z.object({
  kind: z.literal('sync-unit'),
  runId: z.string().min(1),
  year: z.number().int(),
  unit: registryUnitSchema,
  /** The modification time the dispatcher saw (for the record: the worker asks for the current one). */
  version: z.string().nullable(),
  force: z.boolean().default(false),
});
export type SyncMessage = z.infer<typeof syncMessageSchema>;

export const proposeMessageSchema = z.object({
  kind: z.literal('propose'),
  runId: z.string().min(1),
  year: z.number().int(),
  councils: z.array(z.string()).optional(),
  /** A mid-term or final round instead of the year's lists (the office asks for it). */
  round: z.enum(['midterm', 'final']).optional(),
});
export type ProposeMessage = z.infer<typeof proposeMessageSchema>;

/** What EventBridge Scheduler passes as the target's input (configured in the stack). */
export const scheduledEventSchema = z.object({
  kind: z.enum(['scheduled-sync', 'scheduled-propose', 'poll']),
  year: z.number().int().optional(),
});

/** The emulation office's on-demand requests. */
export const adminEventSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('resync-unit'),
    unitCode: z.string().min(1),
    year: z.number().int().optional(),
  }),
  z.object({
    action: z.literal('repropose'),
    councilCode: z.string().min(1).optional(),
    year: z.number().int().optional(),
  }),
  z.object({ action: z.literal('doctor') }),
  z.object({
    action: z.literal('round'),
    round: z.enum(['midterm', 'final']),
    councilCode: z.string().min(1).optional(),
  }),
]);
export type AdminEvent = z.infer<typeof adminEventSchema>;

export const sqsEventSchema = z.object({
  Records: z.array(z.object({ messageId: z.string(), body: z.string() }).passthrough()),
}) satisfies z.ZodType<Pick<SQSEvent, 'Records'> | { Records: { messageId: string; body: string }[] }>;

/** Parses a message body; undefined (a poison message) when it is not JSON or not the schema. */
export function parseBody<T>(schema: z.ZodType<T>, body: string): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** A record that is to be delivered again (logged where it failed): the batch processor reports it. */
export class RecordFailed extends Error {
  override readonly name = 'RecordFailed';
}
