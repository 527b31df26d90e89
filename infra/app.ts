/**
 * CDK app: `npx cdk synth` works offline with no AWS credentials (environment-agnostic stacks).
 * Configuration is context (cdk.json, or `-c key=value`): movementFile (.json, or the office's
 * movement workbook .xlsx — checked at synth), registryId, year,
 * syncSchedule, proposeSchedule, pollSchedule (default rate(2 minutes)), readsPerMinute, writesPerMinute, workerConcurrency,
 * sharedDriveFolder, historyId (the award-history spreadsheet), alarmEmail.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { z } from 'zod';
import { loadMovement } from '../shared/app/movement.ts';
import { maxWorkers } from '../shared/domain/setup.ts';
import { movementKind } from '../shared/movement/files.ts';
import { tooManyWorkers } from '../shared/text/doctor.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

const app = new App();
// Messages in Vietnamese, as every message of thidua: the operator reads them.
const contextSchema = z
  .object({
    movementFile: z.string({ required_error: 'cần đường dẫn tệp cấu hình phong trào' }).min(1),
    registryId: z
      .string({ required_error: 'cần mã bảng tính Danh mục đơn vị' })
      .min(1)
      .refine(
        (id) => !/^REPLACE-/i.test(id),
        'vẫn là mã mẫu trong cdk.json: ghi mã bảng tính Danh mục đơn vị thật',
      ),
    year: z.coerce.number({ invalid_type_error: 'phải là năm, ví dụ 2024' }).int().optional(),
    syncSchedule: z.string({ required_error: 'cần lịch đồng bộ (cron)' }).min(1),
    proposeSchedule: z.string({ required_error: 'cần lịch lập đề nghị (cron)' }).min(1),
    pollSchedule: z.string().min(1).optional(),
    readsPerMinute: z.coerce.number().int().positive('phải là số nguyên dương'),
    writesPerMinute: z.coerce.number().int().positive('phải là số nguyên dương'),
    workerConcurrency: z.coerce
      .number()
      .int('phải là số nguyên')
      .min(2, 'ít nhất 2 (giới hạn MaximumConcurrency của nguồn sự kiện SQS trong AWS Lambda)')
      .max(1000, 'nhiều nhất 1000'),
    sharedDriveFolder: z.string().min(1).optional(),
    historyId: z.string().min(1).optional(),
    alarmEmail: z.string().email('không phải địa chỉ e-mail').optional(),
  })
  .superRefine((c, ctx) => {
    // More workers than the quota can feed: each would get too few calls a minute for its batch.
    const most = maxWorkers(c.readsPerMinute, c.writesPerMinute);
    if (c.workerConcurrency > most)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['workerConcurrency'],
        message: tooManyWorkers(c.workerConcurrency, Math.min(c.readsPerMinute, c.writesPerMinute), most),
      });
  });
const keys = Object.keys(contextSchema.innerType().shape) as (keyof z.infer<typeof contextSchema>)[];
const raw = Object.fromEntries(keys.map((key) => [key, app.node.tryGetContext(key) ?? undefined]));
const parsed = contextSchema.safeParse(raw);
if (!parsed.success) {
  // A clear line and a non-zero exit, not a stack trace.
  const issues = parsed.error.issues.map((i) => `  -c ${i.path.join('.')}: ${i.message}`).join('\n');
  process.stderr.write(`Lỗi cấu hình CDK (cdk.json hoặc -c khóa=giá_trị):\n${issues}\n`);
  process.exit(1);
}
const context = parsed.data;

/**
 * The movement is checked at synth, and a movement workbook (.xlsx, as the office edits it) is
 * turned into the JSON file the functions read beside their bundle.
 */
async function movementJson(file: string): Promise<string> {
  try {
    const movement = await loadMovement(file);
    if (movementKind(file) === 'json') return file;
    const out = join(mkdtempSync(join(tmpdir(), 'thidua-movement-')), 'movement.json');
    writeFileSync(out, JSON.stringify(movement, null, 2));
    return out;
  } catch (error) {
    process.stderr.write(`Lỗi cấu hình phong trào (-c movementFile):\n${(error as Error).message}\n`);
    process.exit(1);
  }
}
const movementFile = await movementJson(resolve(context.movementFile));

const stateful = new StatefulStack(app, 'ThiduaStateful', {
  description: 'thidua: table and secrets of the emulation-and-award job',
});
new StatelessStack(app, 'ThiduaStateless', {
  description: 'thidua: functions, queues and schedules of the emulation-and-award job',
  table: stateful.table,
  googleCredentials: stateful.googleCredentials,
  movementFile,
  registryId: context.registryId,
  ...(context.year ? { year: context.year } : {}),
  syncSchedule: context.syncSchedule,
  proposeSchedule: context.proposeSchedule,
  ...(context.pollSchedule ? { pollSchedule: context.pollSchedule } : {}),
  readsPerMinute: context.readsPerMinute,
  writesPerMinute: context.writesPerMinute,
  workerConcurrency: context.workerConcurrency,
  ...(context.sharedDriveFolder ? { sharedDriveFolder: context.sharedDriveFolder } : {}),
  ...(context.historyId ? { historyId: context.historyId } : {}),
  ...(context.alarmEmail ? { alarmEmail: context.alarmEmail } : {}),
});
app.synth();
