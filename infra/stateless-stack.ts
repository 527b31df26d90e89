/**
 * The stateless part: the functions, the queues, the schedules and the alarms. It receives the
 * table and the credentials secret from the stateful stack, so it can be replaced at will.
 *
 *   Scheduler (Asia/Ho_Chi_Minh) → dispatcher → sync queue → worker (≤ N at once) → propose queue → propose
 *                                                   ↘ DLQ                                            ↘ DLQ
 */
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { TimeZone } from 'aws-cdk-lib/core';
import type { Construct } from 'constructs';
import { ThiduaFunction } from './thidua-function.ts';

export interface StatelessStackProps extends StackProps {
  readonly table: ITableV2;
  readonly googleCredentials: ISecret;
  /** The movement configuration bundled with the functions. */
  readonly movementFile: string;
  /** The registry spreadsheet's id. */
  readonly registryId: string;
  /** Emulation year by its first calendar year; default: the movement's last. */
  readonly year?: number;
  /** When the nightly sync runs, in Viet Nam's time zone (EventBridge Scheduler cron). */
  readonly syncSchedule: string;
  /** The fallback proposal run, for runs that never complete (a message in the dead-letter queue). */
  readonly proposeSchedule: string;
  /**
   * How often Drive is asked what changed (EventBridge Scheduler expression; default every 2
   * minutes): an edited workbook is checked within that time; an idle poll is one Google call.
   */
  readonly pollSchedule?: string;
  /** The service account's Sheets quota per minute (Google's default: 60 reads, 60 writes). */
  readonly readsPerMinute: number;
  readonly writesPerMinute: number;
  /** Workers that may run at once; the quota is shared among them. */
  readonly workerConcurrency: number;
  readonly sharedDriveFolder?: string;
  /** The award-history spreadsheet the office keeps (pending blocks; prior awards for the rounds). */
  readonly historyId?: string;
  readonly alarmEmail?: string;
}

const WORKER_TIMEOUT = Duration.minutes(2);

export class StatelessStack extends Stack {
  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);

    const deadLetters = (name: string) =>
      new Queue(this, `${name}DeadLetters`, {
        retentionPeriod: Duration.days(14),
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
      });
    const syncDlq = deadLetters('Sync');
    // At least six times the worker's timeout, as AWS advises for Lambda event sources.
    const syncQueue = new Queue(this, 'SyncQueue', {
      visibilityTimeout: Duration.seconds(WORKER_TIMEOUT.toSeconds() * 6),
      deadLetterQueue: { queue: syncDlq, maxReceiveCount: 5 },
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    const proposeDlq = deadLetters('Propose');
    const PROPOSE_TIMEOUT = Duration.minutes(10);
    const proposeQueue = new Queue(this, 'ProposeQueue', {
      visibilityTimeout: Duration.seconds(PROPOSE_TIMEOUT.toSeconds() * 6),
      deadLetterQueue: { queue: proposeDlq, maxReceiveCount: 3 },
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });

    const common = {
      TABLE_NAME: props.table.tableName,
      REGISTRY_ID: props.registryId,
      GOOGLE_SECRET_ID: props.googleCredentials.secretArn,
      ...(props.year ? { YEAR: String(props.year) } : {}),
      ...(props.sharedDriveFolder ? { SHARED_DRIVE_FOLDER: props.sharedDriveFolder } : {}),
      ...(props.historyId ? { HISTORY_ID: props.historyId } : {}),
    };
    const queueUrls = { SYNC_QUEUE_URL: syncQueue.queueUrl, PROPOSE_QUEUE_URL: proposeQueue.queueUrl };
    // Each worker paces itself to its share of the service account's quota.
    const share = (perMinute: number) => String(Math.max(1, Math.floor(perMinute / props.workerConcurrency)));
    const movementFile = props.movementFile;

    const dispatcher = new ThiduaFunction(this, 'Dispatcher', {
      name: 'dispatcher',
      description: 'thidua: finds the changed workbooks and enqueues one message per unit',
      timeout: Duration.minutes(5),
      movementFile,
      environment: {
        ...common,
        ...queueUrls,
        GOOGLE_ACCESS: 'read',
        READS_PER_MINUTE: String(props.readsPerMinute),
        WRITES_PER_MINUTE: '1',
      },
    });
    const worker = new ThiduaFunction(this, 'Worker', {
      name: 'worker',
      description: "thidua: reads, validates and stores one unit's workbook, writes its feedback",
      timeout: WORKER_TIMEOUT,
      movementFile,
      environment: {
        ...common,
        GOOGLE_ACCESS: 'write',
        PROPOSE_QUEUE_URL: proposeQueue.queueUrl,
        READS_PER_MINUTE: share(props.readsPerMinute),
        WRITES_PER_MINUTE: share(props.writesPerMinute),
      },
    });
    const propose = new ThiduaFunction(this, 'Propose', {
      name: 'propose',
      description: 'thidua: ranks within quotas and writes the proposal spreadsheets',
      timeout: PROPOSE_TIMEOUT,
      memorySize: 1024,
      movementFile,
      environment: {
        ...common,
        GOOGLE_ACCESS: 'write',
        READS_PER_MINUTE: String(props.readsPerMinute),
        WRITES_PER_MINUTE: String(props.writesPerMinute),
      },
    });
    const admin = new ThiduaFunction(this, 'Admin', {
      name: 'admin',
      description:
        'thidua: on-demand re-sync of a unit, re-proposal of a council, or a check of the deployment (doctor)',
      timeout: Duration.minutes(1),
      movementFile,
      environment: {
        ...common,
        ...queueUrls,
        GOOGLE_ACCESS: 'read',
        READS_PER_MINUTE: '10',
        WRITES_PER_MINUTE: '1',
        // What `doctor` checks the pace against.
        ACCOUNT_READS_PER_MINUTE: String(props.readsPerMinute),
        ACCOUNT_WRITES_PER_MINUTE: String(props.writesPerMinute),
        WORKER_CONCURRENCY: String(props.workerConcurrency),
      },
    });

    // Least privilege: each function gets exactly the table actions its code sends (no Scan, no
    // Query, DeleteItem only to release the run lease). The table's key is AWS-managed: no KMS grant.
    const tableActions: [ThiduaFunction, string[]][] = [
      // states, the poll's token and the pending mark (BatchGet, BatchWrite); the run lease (Put,
      // Get, Delete); the run record (Put)
      [dispatcher, ['BatchGetItem', 'BatchWriteItem', 'GetItem', 'PutItem', 'DeleteItem']],
      // states and versions (BatchGet, BatchWrite, conditional Put); the run's done-set (Update)
      [worker, ['BatchGetItem', 'BatchWriteItem', 'PutItem', 'UpdateItem']],
      // states, versions, publications (BatchGet); proposal records (BatchWrite); the lease (Delete);
      // the cross-check's warnings on unit states (conditional Put); a published round's snapshot (Get)
      [propose, ['BatchGetItem', 'BatchWriteItem', 'DeleteItem', 'GetItem', 'PutItem']],
      // the run lease (Put, Get) and the run record of a one-unit run (Put)
      [admin, ['GetItem', 'PutItem']],
    ];
    for (const [f, actions] of tableActions)
      props.table.grant(f.fn, ...actions.map((action) => `dynamodb:${action}`));
    for (const f of [dispatcher, worker, propose, admin]) props.googleCredentials.grantRead(f.fn);
    syncQueue.grantSendMessages(dispatcher.fn);
    // (grantSendMessages includes sqs:GetQueueAttributes: the fallback proposal's look at whether
    // a run's workers are still at work.)
    syncQueue.grantSendMessages(admin.fn);
    proposeQueue.grantSendMessages(dispatcher.fn);
    proposeQueue.grantSendMessages(worker.fn);
    proposeQueue.grantSendMessages(admin.fn);

    // Workers at once × each one's paced rate = the service account's quota.
    worker.fn.addEventSource(
      new SqsEventSource(syncQueue, {
        batchSize: 5,
        maxConcurrency: props.workerConcurrency,
        reportBatchItemFailures: true,
      }),
    );
    propose.fn.addEventSource(
      new SqsEventSource(proposeQueue, { batchSize: 1, maxConcurrency: 2, reportBatchItemFailures: true }),
    );

    new Schedule(this, 'NightlySync', {
      description: 'thidua: nightly sync of the unit workbooks',
      schedule: ScheduleExpression.expression(props.syncSchedule, TimeZone.ASIA_HO_CHI_MINH),
      target: new LambdaInvoke(dispatcher.fn, {
        input: ScheduleTargetInput.fromObject({ kind: 'scheduled-sync' }),
      }),
    });
    new Schedule(this, 'Poll', {
      description: 'thidua: the workbooks edited since the last poll, checked within minutes',
      schedule: ScheduleExpression.expression(
        props.pollSchedule ?? 'rate(2 minutes)',
        TimeZone.ASIA_HO_CHI_MINH,
      ),
      target: new LambdaInvoke(dispatcher.fn, { input: ScheduleTargetInput.fromObject({ kind: 'poll' }) }),
    });
    new Schedule(this, 'FallbackPropose', {
      description: 'thidua: proposals even if a sync run never completes',
      schedule: ScheduleExpression.expression(props.proposeSchedule, TimeZone.ASIA_HO_CHI_MINH),
      target: new LambdaInvoke(dispatcher.fn, {
        input: ScheduleTargetInput.fromObject({ kind: 'scheduled-propose' }),
      }),
    });

    const alarms = new Topic(this, 'Alarms', { displayName: 'thidua alarms', enforceSSL: true });
    if (props.alarmEmail) alarms.addSubscription(new EmailSubscription(props.alarmEmail));
    const deadLetterAlarm = (name: string, queue: Queue) =>
      new Alarm(this, `${name}DeadLettersAlarm`, {
        alarmDescription: `thidua: messages in the ${name.toLowerCase()} dead-letter queue`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    for (const alarm of [
      deadLetterAlarm('Sync', syncDlq),
      deadLetterAlarm('Propose', proposeDlq),
      dispatcher.errors,
      worker.errors,
      propose.errors,
      admin.errors,
    ])
      alarm.addAlarmAction(new SnsAction(alarms));

    new CfnOutput(this, 'DispatcherFunction', { value: dispatcher.fn.functionName });
    // Keyless Google access (workload identity federation) binds each role by its ARN.
    for (const [name, fn] of [
      ['Dispatcher', dispatcher],
      ['Worker', worker],
      ['Propose', propose],
      ['Admin', admin],
    ] as const)
      new CfnOutput(this, `${name}RoleArn`, {
        value: fn.fn.role?.roleArn ?? '',
        description: `The ${name.toLowerCase()} function's role: the principal to bind for keyless Google access`,
      });
    new CfnOutput(this, 'AdminFunction', { value: admin.fn.functionName });
    new CfnOutput(this, 'SyncDeadLetterQueue', { value: syncDlq.queueUrl });
    new CfnOutput(this, 'AlarmsTopic', { value: alarms.topicArn });
  }
}
