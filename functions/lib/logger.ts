/**
 * The functions' logger: Powertools for AWS Lambda's Logger — structured JSON lines for
 * CloudWatch, with the cold start, the request id and the X-Ray trace id taken from the Lambda
 * context by its middy middleware — and thidua's rule as its formatter: names, staff ids and
 * e-mail addresses never reach a log; a field whose key speaks of them is written "[redacted]".
 */
import { LogFormatter, Logger, LogItem } from '@aws-lambda-powertools/logger';
import type {
  ConstructorOptions,
  LogAttributes,
  UnformattedAttributes,
} from '@aws-lambda-powertools/logger/types';

const FORBIDDEN = /name|staff|person|people|email/i;

/** Powertools' standard keys, then the call's own fields with personal ones redacted. */
export class RedactingFormatter extends LogFormatter {
  override formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    const safe: LogAttributes = {};
    for (const [key, value] of Object.entries(additional))
      safe[key] = FORBIDDEN.test(key) ? '[redacted]' : value;
    return new LogItem({
      attributes: {
        level: attributes.logLevel,
        message: attributes.message,
        timestamp: this.formatTimestamp(attributes.timestamp),
        service: attributes.serviceName,
        cold_start: attributes.lambdaContext?.coldStart,
        function_name: attributes.lambdaContext?.functionName,
        function_request_id: attributes.lambdaContext?.awsRequestId,
        xray_trace_id: attributes.xRayTraceId,
      },
    }).addAttributes(safe);
  }
}

/** Where the lines go when not to stdout: tests assert the lines their faults cause. */
let sink: ((line: string) => void) | undefined;

/** Sends the logger's lines to `write` (undefined: stdout again); returns the previous sink. */
export function setLogSink(
  write: ((line: string) => void) | undefined,
): ((line: string) => void) | undefined {
  const previous = sink;
  sink = write;
  return previous;
}

class ThiduaLogger extends Logger {
  protected override printLog(level: number, log: LogItem): void {
    if (!sink) {
      super.printLog(level, log);
      return;
    }
    log.prepareForPrint();
    sink(JSON.stringify(log.getAttributes()));
  }
  protected override createLogger(options?: ConstructorOptions): Logger {
    return new ThiduaLogger(options);
  }
}

export const logger: Logger = new ThiduaLogger({
  serviceName: 'thidua',
  logFormatter: new RedactingFormatter(),
});
