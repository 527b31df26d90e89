/**
 * CDK app: `npx cdk synth` works offline with no AWS credentials (environment-agnostic stacks).
 * Configuration is context (cdk.json, or `-c key=value`): movementFile, registryId, year,
 * syncSchedule, proposeSchedule, readsPerMinute, writesPerMinute, workerConcurrency,
 * sharedDriveFolder, alarmEmail.
 */
import { resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { z } from 'zod';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

const app = new App();
const contextSchema = z.object({
  movementFile: z.string().min(1),
  registryId: z.string().min(1),
  year: z.coerce.number().int().optional(),
  syncSchedule: z.string().min(1),
  proposeSchedule: z.string().min(1),
  readsPerMinute: z.coerce.number().int().positive(),
  writesPerMinute: z.coerce.number().int().positive(),
  workerConcurrency: z.coerce.number().int().min(2).max(1000),
  sharedDriveFolder: z.string().min(1).optional(),
  alarmEmail: z.string().email().optional(),
});
const keys = Object.keys(contextSchema.shape) as (keyof z.infer<typeof contextSchema>)[];
const raw = Object.fromEntries(keys.map((key) => [key, app.node.tryGetContext(key) ?? undefined]));
const parsed = contextSchema.safeParse(raw);
if (!parsed.success) {
  const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new Error(`cdk context: ${issues}`);
}
const context = parsed.data;

const stateful = new StatefulStack(app, 'ThiduaStateful', {
  description: 'thidua: table and secrets of the emulation-and-award job',
});
new StatelessStack(app, 'ThiduaStateless', {
  description: 'thidua: functions, queues and schedules of the emulation-and-award job',
  table: stateful.table,
  googleCredentials: stateful.googleCredentials,
  movementFile: resolve(context.movementFile),
  registryId: context.registryId,
  ...(context.year ? { year: context.year } : {}),
  syncSchedule: context.syncSchedule,
  proposeSchedule: context.proposeSchedule,
  readsPerMinute: context.readsPerMinute,
  writesPerMinute: context.writesPerMinute,
  workerConcurrency: context.workerConcurrency,
  ...(context.sharedDriveFolder ? { sharedDriveFolder: context.sharedDriveFolder } : {}),
  ...(context.alarmEmail ? { alarmEmail: context.alarmEmail } : {}),
});
app.synth();
