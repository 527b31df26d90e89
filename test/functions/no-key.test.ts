/**
 * Deploy order without alarms (issue 34): the stacks create the credentials secret empty, and
 * until the key is put the scheduled dispatcher says so once and ends without an error. Secrets
 * Manager here is a stand-in on 127.0.0.1 answering GetSecretValue as AWS does for a secret
 * with no value; the official SDK client is pointed at it with its endpoint variable.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetParameterError } from '@aws-lambda-powertools/parameters/errors';
import { ResourceNotFoundException } from '@aws-sdk/client-secrets-manager';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { setLogSink } from '../../functions/lib/logger.ts';
import { noSecretValueYet } from '../../functions/lib/runtime.ts';
import { DEFAULT_MOVEMENT_FILE } from '../../shared/movement/files.ts';

const NO_VALUE = "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT";

let server: Server;
let calls = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      const target = String(req.headers['x-amz-target'] ?? '');
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(
        JSON.stringify(
          target.endsWith('GetSecretValue')
            ? { __type: 'ResourceNotFoundException', Message: NO_VALUE }
            : { __type: 'InvalidRequestException', Message: `not here: ${target}` },
        ),
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
}, 30_000);
afterAll(async () => {
  await new Promise((done) => server.close(done));
});

describe('a deployment whose key is not in the secret yet', () => {
  it('tells “no value yet” from other failures, however the answer is wrapped', () => {
    const answer = new ResourceNotFoundException({ message: NO_VALUE, $metadata: {} });
    expect(noSecretValueYet(answer)).toBe(true);
    expect(noSecretValueYet(new GetParameterError(NO_VALUE, { cause: answer }))).toBe(true);
    expect(noSecretValueYet(new GetParameterError(NO_VALUE))).toBe(true);
    expect(noSecretValueYet(new Error('AccessDeniedException: not allowed'))).toBe(false);
  });

  it('the scheduled dispatcher says so once, counts it, and ends without an error (no alarm)', async () => {
    const port = (server.address() as AddressInfo).port;
    const saved = { ...process.env };
    onTestFinished(() => {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      setLogSink(undefined);
    });
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${port}`,
      AWS_REGION: 'ap-southeast-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      TABLE_NAME: 'thidua-test',
      REGISTRY_ID: 'registry',
      GOOGLE_SECRET_ID: 'thidua/google',
      GOOGLE_ACCESS: 'read',
      SYNC_QUEUE_URL: 'http://127.0.0.1:1/queue',
      MOVEMENT_FILE: DEFAULT_MOVEMENT_FILE,
      POWERTOOLS_METRICS_DISABLED: 'false',
    });
    const lines: string[] = [];
    setLogSink((line) => lines.push(line));
    // The metrics go out on stdout (the embedded metric format).
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      lines.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stdout.write;
    const { handler } = await import('../../functions/dispatcher.ts');
    const context = { functionName: 'dispatcher', awsRequestId: 'r1' } as unknown as Context;
    const first = await handler({ kind: 'scheduled-sync' }, context).finally(() => {});
    const second = await handler({ kind: 'scheduled-sync' }, context).finally(() => {
      process.stdout.write = write;
    });
    expect([first, second]).toEqual([{ waitingForKey: true }, { waitingForKey: true }]);
    expect(calls).toBeGreaterThan(0); // it did ask Secrets Manager, each cold start
    const told = lines.filter((l) => l.includes('no Google key in the credentials secret yet'));
    expect(told).toHaveLength(1);
    expect(lines.some((l) => l.includes('"level":"ERROR"'))).toBe(false);
    expect(lines.some((l) => l.includes('GoogleKeyMissing'))).toBe(true);
  });
});
