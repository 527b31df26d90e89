/** Sending work to the queues: a port, the SQS adapter, and an in-memory one for tests. */
import { GetQueueAttributesCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';

export interface WorkQueue {
  /** Sends every body; batches of 10, failed entries retried; throws if some cannot be sent. */
  send(queueUrl: string, bodies: readonly unknown[]): Promise<void>;
  /**
   * Messages still to be worked: waiting, delayed or being worked now (SQS's approximate counts,
   * which settle within a minute). 0 means no worker is at it any more.
   */
  outstanding(queueUrl: string): Promise<number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The SDK's SQS client: region and credentials from its default chain (the function's role). */
export function createSqsClient(options: { region?: string; endpoint?: string } = {}): SQSClient {
  return new SQSClient({
    ...options,
    maxAttempts: 3,
    requestHandler: { requestTimeout: 5_000, connectionTimeout: 3_000 },
  });
}

export class SqsWorkQueue implements WorkQueue {
  constructor(private readonly sqs: SQSClient = createSqsClient()) {}

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

  async outstanding(queueUrl: string): Promise<number> {
    const names = [
      'ApproximateNumberOfMessages',
      'ApproximateNumberOfMessagesNotVisible',
      'ApproximateNumberOfMessagesDelayed',
    ] as const;
    const out = await this.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: [...names] }),
    );
    return names.reduce((sum, name) => sum + Number(out.Attributes?.[name] ?? 0), 0);
  }
}

export class MemoryWorkQueue implements WorkQueue {
  readonly sent = new Map<string, unknown[]>();
  /** What `outstanding` answers, per queue (tests set it: the memory queue does not see the workers). */
  readonly depth = new Map<string, number>();
  async outstanding(queueUrl: string): Promise<number> {
    return this.depth.get(queueUrl) ?? 0;
  }
  async send(queueUrl: string, bodies: readonly unknown[]): Promise<void> {
    this.sent.set(queueUrl, [...(this.sent.get(queueUrl) ?? []), ...structuredClone(bodies)]);
  }
}
