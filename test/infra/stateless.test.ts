import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, BUNDLE } from '../../infra/bundling.ts';
import { StatefulStack } from '../../infra/stateful-stack.ts';
import { StatelessStack } from '../../infra/stateless-stack.ts';
import { copyCommand } from '../../infra/thidua-function.ts';
import { DEFAULT_MOVEMENT_FILE } from '../../shared/movement/files.ts';

let template: Template;
beforeAll(() => {
  const app = new App();
  const stateful = new StatefulStack(app, 'Stateful');
  const stack = new StatelessStack(app, 'Stateless', {
    table: stateful.table,
    googleCredentials: stateful.googleCredentials,
    movementFile: DEFAULT_MOVEMENT_FILE,
    registryId: 'registry-spreadsheet-id',
    historyId: 'history-spreadsheet-id',
    syncSchedule: 'cron(0 1 * * ? *)',
    proposeSchedule: 'cron(0 6 * * ? *)',
    readsPerMinute: 60,
    writesPerMinute: 60,
    workerConcurrency: 2,
  });
  template = Template.fromStack(stack);
}, 120_000);

const resources = (type: string) =>
  Object.values(template.findResources(type)) as { Properties: Record<string, unknown> }[];
const fnWithAccess = (access: string) =>
  resources('AWS::Lambda::Function').filter(
    (f) =>
      (f.Properties.Environment as { Variables: Record<string, string> }).Variables.GOOGLE_ACCESS === access,
  );

describe('stateless stack', () => {
  it('runs every function on Node 22, ARM64, as an ESM bundle, without source maps read at start', () => {
    const functions = resources('AWS::Lambda::Function');
    expect(functions).toHaveLength(4);
    for (const f of functions) {
      expect(f.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      });
      expect(
        (f.Properties.Environment as { Variables: Record<string, string> }).Variables.NODE_OPTIONS,
      ).toBeUndefined();
      expect(f.Properties.Timeout).toBeGreaterThan(0);
      // The award history the office keeps (pending blocks, prior awards for the rounds).
      expect((f.Properties.Environment as { Variables: Record<string, string> }).Variables.HISTORY_ID).toBe(
        'history-spreadsheet-id',
      );
    }
    for (const group of resources('AWS::Logs::LogGroup')) expect(group.Properties.RetentionInDays).toBe(90);
  });

  it('gives the Sheets write scope only to the functions that write (worker, propose)', () => {
    const writers = fnWithAccess('write').map((f) => f.Properties.Description);
    expect(writers.sort()).toEqual(
      [
        "thidua: reads, validates and stores one unit's workbook, writes its feedback",
        'thidua: ranks within quotas and writes the proposal spreadsheets',
      ].sort(),
    );
    expect(fnWithAccess('read')).toHaveLength(2);
  });

  it('has the sync queue with a dead-letter queue and a visibility timeout of six worker timeouts', () => {
    const worker = fnWithAccess('write').find((f) => String(f.Properties.Description).includes('one unit'));
    const queues = resources('AWS::SQS::Queue').filter((q) => q.Properties.RedrivePolicy);
    expect(queues).toHaveLength(2);
    const timeouts = queues.map((q) => q.Properties.VisibilityTimeout as number);
    expect(timeouts).toContain(6 * (worker?.Properties.Timeout as number));
    for (const q of queues)
      expect(q.Properties.RedrivePolicy).toMatchObject({ maxReceiveCount: expect.any(Number) });
  });

  it('caps the workers at once so that their paced rates add up to the quota', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 5,
      ScalingConfig: { MaximumConcurrency: 2 },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const worker = fnWithAccess('write').find((f) => String(f.Properties.Description).includes('one unit'));
    if (!worker) throw new Error('no worker function');
    const vars = (worker.Properties.Environment as { Variables: Record<string, string> }).Variables;
    expect([vars.READS_PER_MINUTE, vars.WRITES_PER_MINUTE]).toEqual(['30', '30']);
    // The admin's `doctor` checks the same settings: the account's quota and the workers sharing it.
    const admin = fnWithAccess('read').find((f) => String(f.Properties.Description).includes('doctor'));
    if (!admin) throw new Error('no admin function');
    const adminVars = (admin.Properties.Environment as { Variables: Record<string, string> }).Variables;
    expect([
      adminVars.ACCOUNT_READS_PER_MINUTE,
      adminVars.ACCOUNT_WRITES_PER_MINUTE,
      adminVars.WORKER_CONCURRENCY,
    ]).toEqual(['60', '60', '2']);
  });

  it('schedules the sync and the fallback proposals in Viet Nam time', () => {
    const schedules = resources('AWS::Scheduler::Schedule');
    expect(
      schedules.map((s) => [s.Properties.ScheduleExpression, s.Properties.ScheduleExpressionTimezone]).sort(),
    ).toEqual([
      ['cron(0 1 * * ? *)', 'Asia/Ho_Chi_Minh'],
      ['cron(0 6 * * ? *)', 'Asia/Ho_Chi_Minh'],
      ['rate(2 minutes)', 'Asia/Ho_Chi_Minh'],
    ]);
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      Target: Match.objectLike({ Input: JSON.stringify({ kind: 'scheduled-sync' }) }),
    });
    // Edited workbooks checked within minutes: Drive asked what changed, every 2 minutes by default.
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(2 minutes)',
      Target: Match.objectLike({ Input: JSON.stringify({ kind: 'poll' }) }),
    });
  });

  it('alarms on dead letters and on every function’s errors', () => {
    const alarms = resources('AWS::CloudWatch::Alarm');
    const metrics = alarms.map((a) => a.Properties.MetricName);
    expect(metrics.filter((m) => m === 'ApproximateNumberOfMessagesVisible')).toHaveLength(2);
    expect(metrics.filter((m) => m === 'Errors')).toHaveLength(4);
    for (const a of alarms) expect(a.Properties.AlarmActions).toHaveLength(1);
  });

  it('gives each function only the table actions its code sends: no Scan or Query, DeleteItem only to release the run lease', () => {
    // Role → the function that assumes it (named by its description), then its DynamoDB actions.
    const functions = template.findResources('AWS::Lambda::Function');
    const roleOf = new Map<string, string>();
    for (const f of Object.values(functions) as {
      Properties: { Role: { 'Fn::GetAtt': string[] }; Description: string };
    }[])
      roleOf.set(f.Properties.Role['Fn::GetAtt'][0] ?? '', f.Properties.Description);
    const actions = new Map<string, Set<string>>();
    for (const policy of resources('AWS::IAM::Policy')) {
      const roles = (policy.Properties.Roles as { Ref: string }[]).map((r) => roleOf.get(r.Ref) ?? r.Ref);
      const statements = (policy.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] })
        .Statement;
      for (const statement of statements)
        for (const action of [statement.Action].flat())
          if (action.startsWith('dynamodb:'))
            for (const role of roles) actions.set(role, (actions.get(role) ?? new Set()).add(action));
    }
    const of = (word: string) =>
      [...([...actions].find(([description]) => description.toLowerCase().includes(word))?.[1] ?? [])].sort();
    expect(of('finds the changed')).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
    ]);
    expect(of('validates and stores')).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ]);
    expect(of('ranks within')).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
    ]);
    expect(of('on-demand')).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
    const all = [...actions.values()].flatMap((set) => [...set]);
    expect(all.filter((a) => a === 'dynamodb:Scan' || a === 'dynamodb:Query')).toEqual([]);
  });

  it('outputs each function’s role ARN, the principal keyless Google access binds', () => {
    const outputs = template.findOutputs('*');
    for (const name of ['Dispatcher', 'Worker', 'Propose', 'Admin']) {
      const value = outputs[`${name}RoleArn`]?.Value as { 'Fn::GetAtt'?: [string, string] } | undefined;
      expect(value?.['Fn::GetAtt']?.[1]).toBe('Arn');
      const role = template.findResources('AWS::IAM::Role')[value?.['Fn::GetAtt']?.[0] ?? ''];
      expect(role).toBeDefined();
    }
  });

  it('copies the movement file beside each bundle with Node, not a shell command (the same on Windows)', async () => {
    const dir = await mkdtemp(join(tmpdir(), "thidua-copy 'x' "));
    try {
      const from = join(dir, 'phong trào.json');
      await writeFile(from, '{"id":"m"}');
      const command = copyCommand(from, join(dir, 'movement.json'));
      expect(command.startsWith('node -e ')).toBe(true);
      await promisify(execFile)('sh', ['-c', command]);
      expect(await readFile(join(dir, 'movement.json'), 'utf8')).toBe('{"id":"m"}');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('has no IAM statement with * as its action or resource', () => {
    const offenders: unknown[] = [];
    for (const policy of [...resources('AWS::IAM::Policy'), ...resources('AWS::IAM::Role')]) {
      const documents = [
        policy.Properties.PolicyDocument,
        ...((policy.Properties.Policies as { PolicyDocument: unknown }[] | undefined) ?? []).map(
          (p) => p.PolicyDocument,
        ),
      ].filter(Boolean) as { Statement: { Action?: unknown; Resource?: unknown }[] }[];
      for (const doc of documents)
        for (const statement of doc.Statement) {
          const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
          if (list(statement.Action).includes('*') || list(statement.Resource).includes('*'))
            offenders.push(statement);
        }
    }
    expect(offenders).toEqual([]);
  });
});

describe('npx cdk synth', () => {
  it('synthesizes both stacks with no AWS credentials and no network', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const out = await mkdtemp(join(tmpdir(), 'thidua-cdk-'));
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));
    try {
      await promisify(execFile)(
        join(root, 'node_modules/.bin/cdk'),
        ['synth', '--quiet', '--no-notices', '-o', out, '-c', 'registryId=registry-spreadsheet-id'],
        {
          cwd: root,
          env: { ...env, AWS_EC2_METADATA_DISABLED: 'true', CDK_DISABLE_VERSION_CHECK: 'true' },
        },
      );
      expect((await readdir(out)).filter((f) => f.endsWith('.template.json')).sort()).toEqual([
        'ThiduaStateful.template.json',
        'ThiduaStateless.template.json',
      ]);
      // Each function's asset: the bundle within issue 20's size budget, needing no module from
      // outside it (the SDK bundled, not the runtime's), its source map and the movement file beside it.
      const bundles: string[] = [];
      for (const dir of (await readdir(out)).filter((d) => d.startsWith('asset.'))) {
        const files = await readdir(join(out, dir));
        if (!files.includes('index.mjs')) continue;
        bundles.push(dir);
        expect(files).toEqual(
          expect.arrayContaining(['index.mjs', 'index.mjs.map', BUNDLE.movementFileName]),
        );
        const code = await readFile(join(out, dir, 'index.mjs'), 'utf8');
        expect(Buffer.byteLength(code)).toBeLessThanOrEqual(BUDGET.bytes);
        const imports = [
          ...code.matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g),
        ].map((m) => m[1] ?? m[2]);
        expect(imports).toContain('node:crypto'); // the pattern finds the imports there are
        expect(imports.filter((name) => !name || !isBuiltin(name))).toEqual([]);
      }
      expect(bundles).toHaveLength(4);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('refuses a bad context value with one Vietnamese line naming it, not a stack trace', async () => {
    // The app itself (what `cdk synth` runs), with a worker concurrency AWS does not allow.
    const root = resolve(import.meta.dirname, '../..');
    const result = await promisify(execFile)(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'infra/app.ts')],
      {
        cwd: root,
        env: {
          ...process.env,
          CDK_CONTEXT_JSON: JSON.stringify({
            workerConcurrency: 1,
            registryId: 'REPLACE-WITH-THE-REGISTRY-SPREADSHEET-ID',
          }),
        },
      },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Lỗi cấu hình CDK');
    expect(result.stderr).toContain('-c workerConcurrency: ít nhất 2');
    // cdk.json's placeholder for the registry is not taken for an id.
    expect(result.stderr).toContain('-c registryId: vẫn là mã mẫu trong cdk.json');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses more workers than the quota can feed, saying the most it can', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const context = {
      movementFile: DEFAULT_MOVEMENT_FILE,
      registryId: 'registry-spreadsheet-id',
      syncSchedule: 'cron(0 1 * * ? *)',
      proposeSchedule: 'cron(0 6 * * ? *)',
      readsPerMinute: 60,
      writesPerMinute: 60,
      workerConcurrency: 20,
    };
    const result = await promisify(execFile)(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'infra/app.ts')],
      {
        cwd: root,
        env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context) },
      },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('-c workerConcurrency: 20 worker chia nhau hạn mức 60 lượt/phút');
    expect(result.stderr).toContain('đặt nhiều nhất 10');
  });
});
