/**
 * An SQS event as Lambda delivers it, for running the functions locally (tests, benchmarks): the
 * same shape the handlers parse with `sqsEventSchema`.
 */
import type { SQSEvent, SQSRecord } from 'aws-lambda';

export function sqsEvent(bodies: readonly unknown[], receiveCount = 1): SQSEvent {
  return {
    Records: bodies.map(
      (body, i): SQSRecord => ({
        messageId: `m-${i}-${receiveCount}`,
        receiptHandle: `r-${i}`,
        body: typeof body === 'string' ? body : JSON.stringify(body),
        attributes: {
          ApproximateReceiveCount: String(receiveCount),
          SentTimestamp: '0',
          SenderId: 'x',
          ApproximateFirstReceiveTimestamp: '0',
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:ap-southeast-1:123456789012:thidua-sync',
        awsRegion: 'ap-southeast-1',
      }),
    ),
  };
}
