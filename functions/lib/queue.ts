/** Sending work to the queues: a port, the SQS adapter, and an in-memory one for tests. */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';

export interface WorkQueue {
  /** Sends every body; batches of 10, failed entries retried; throws if some cannot be sent. */
  send(queueUrl: string, bodies: readonly unknown[]): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SqsWorkQueue implements WorkQueue {
  constructor(private readonly sqs: SQSClient) {}

  async send(queueUrl: string, bodies: readonly unknown[]): Promise<void> {
    for (let start = 0; start < bodies.length; start += 10) {
      let entries = bodies
        .slice(start, start + 10)
        .map((body, i) => ({ Id: String(start + i), MessageBody: JSON.stringify(body) }));
      for (let attempt = 0; entries.length > 0; attempt++) {
        if (attempt >= 6) throw new Error(`SQS refused ${entries.length} messages after ${attempt} attempts`);
        if (attempt > 0) await sleep(Math.random() * 100 * 2 ** attempt);
        const out = await this.sqs.send(
          new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }),
        );
        const failed = new Set((out.Failed ?? []).map((f) => f.Id));
        entries = entries.filter((e) => failed.has(e.Id));
      }
    }
  }
}

export class MemoryWorkQueue implements WorkQueue {
  readonly sent = new Map<string, unknown[]>();
  async send(queueUrl: string, bodies: readonly unknown[]): Promise<void> {
    this.sent.set(queueUrl, [...(this.sent.get(queueUrl) ?? []), ...structuredClone(bodies)]);
  }
}
