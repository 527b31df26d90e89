/**
 * A small client for AWS's JSON protocols (DynamoDB, SQS, Secrets Manager all speak it): one
 * signed POST per call with `fetch`, retries with jittered exponential backoff for throttling,
 * server errors and broken connections, a timeout per attempt, and errors named as AWS names
 * them (`ConditionalCheckFailedException`, ...). It replaces the AWS SDK in the Lambda bundles:
 * the SDK's clients alone were 300–600 KB and 70–170 ms of cold start on a developer machine,
 * for the five or six operations thidua uses (issue 12).
 */
import { type AwsCredentials, signRequest } from './sigv4.ts';

export type { AwsCredentials } from './sigv4.ts';

/** Credentials, or where to get them (called once per request; cache inside if it is costly). */
export type CredentialSource = AwsCredentials | (() => Promise<AwsCredentials>);

export interface AwsJsonClientOptions {
  /** The signing name: `dynamodb`, `sqs`, `secretsmanager`. */
  readonly service: string;
  /** `DynamoDB_20120810`, `AmazonSQS`, `secretsmanager`: the `X-Amz-Target` prefix. */
  readonly targetPrefix: string;
  readonly jsonVersion: '1.0' | '1.1';
  readonly region?: string;
  /** Another endpoint (dynalite, DynamoDB Local); by default the service's regional one. */
  readonly endpoint?: string;
  /** By default the environment's (`AWS_ACCESS_KEY_ID`, ...: what Lambda gives a function). */
  readonly credentials?: CredentialSource;
  /** Attempts per call, the first included. */
  readonly maxAttempts?: number;
  readonly timeoutMs?: number;
  /** Told of every attempt (request counters). */
  readonly onAttempt?: (operation: string) => void;
}

export class AwsError extends Error {
  override readonly name: string;
  constructor(
    name: string,
    message: string,
    /** HTTP status; 0 when no answer came (network, timeout). */
    readonly status: number,
    /** The whole error body (e.g. `CancellationReasons` of a cancelled transaction). */
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = name;
  }
}

/** True when `error` is the AWS error `name` (e.g. `ConditionalCheckFailedException`). */
export const isAwsError = (error: unknown, name: string): error is AwsError =>
  error instanceof AwsError && error.name === name;

export class MissingCredentialsError extends Error {
  override readonly name = 'MissingCredentialsError';
}

/** The environment's credentials: what Lambda sets for a function's role. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): AwsCredentials {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey)
    throw new MissingCredentialsError(
      'no AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set',
    );
  return { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined };
}

/** Error names worth another attempt besides 5xx and 429 (the SDK's throttling and transient sets). */
const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestThrottledException',
  'RequestThrottled',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'SlowDown',
  'TransactionInProgressException',
]);
const TRANSIENT = new Set([
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalServerError',
  'ServiceUnavailable',
]);
const MAX_DELAY_MS = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class AwsJsonClient {
  readonly region: string;
  private readonly url: URL;
  private readonly contentType: string;
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: AwsJsonClientOptions) {
    this.region =
      options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'ap-southeast-1';
    this.url = new URL(options.endpoint ?? `https://${options.service}.${this.region}.amazonaws.com/`);
    this.contentType = `application/x-amz-json-${options.jsonVersion}`;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  private async credentials(): Promise<AwsCredentials> {
    const source = this.options.credentials;
    if (!source) return credentialsFromEnv();
    return typeof source === 'function' ? source() : source;
  }

  /** Calls `operation` with `input`; the parsed JSON answer, or an AwsError after the last attempt. */
  async call<T = Record<string, unknown>>(operation: string, input: unknown): Promise<T> {
    const body = JSON.stringify(input);
    for (let attempt = 1; ; attempt++) {
      let failure: AwsError;
      // Outside the retries: missing credentials are said as the provider says them.
      const credentials = await this.credentials();
      try {
        this.options.onAttempt?.(operation);
        const headers = signRequest({
          method: 'POST',
          url: this.url,
          headers: {
            'content-type': this.contentType,
            'x-amz-target': `${this.options.targetPrefix}.${operation}`,
          },
          body,
          credentials,
          region: this.region,
          service: this.options.service,
          now: new Date(),
        });
        const response = await fetch(this.url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        const text = await response.text();
        const parsed = parseJson(text);
        // A body cut short is no answer: tried again, never read as an empty result.
        if (!parsed) throw new Error(`unreadable answer (HTTP ${response.status}, ${text.length} bytes)`);
        const json = parsed;
        if (response.ok) return json as T;
        const type = String(
          json.__type ?? response.headers.get('x-amzn-errortype') ?? `Http${response.status}`,
        );
        const name = type.slice(type.lastIndexOf('#') + 1).split(':')[0] || type;
        const message = String(json.message ?? json.Message ?? text.slice(0, 300));
        failure = new AwsError(name, `${operation}: ${message}`, response.status, json);
      } catch (error) {
        failure = new AwsError(
          'NetworkingError',
          `${operation}: ${(error as Error).message}`,
          0,
          {},
          { cause: error },
        );
      }
      if (!isRetryable(failure) || attempt >= this.maxAttempts) throw failure;
      const throttled = failure.status === 429 || THROTTLING.has(failure.name);
      await sleep(Math.random() * Math.min(MAX_DELAY_MS, (throttled ? 500 : 100) * 2 ** attempt));
    }
  }
}

function isRetryable(error: AwsError): boolean {
  return (
    error.status === 0 ||
    error.status === 429 ||
    error.status >= 500 ||
    THROTTLING.has(error.name) ||
    TRANSIENT.has(error.name)
  );
}

/** The JSON object of an answer ({} for an empty body); undefined when it is not one. */
function parseJson(text: string): Record<string, unknown> | undefined {
  if (!text) return {};
  try {
    const json = JSON.parse(text) as unknown;
    return json && typeof json === 'object' ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
