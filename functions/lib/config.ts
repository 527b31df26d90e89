/**
 * The functions' configuration: environment variables, validated once at cold start. A missing
 * or malformed variable stops the function with a message that names it.
 */
import { z } from 'zod';

const envSchema = z
  .object({
    TABLE_NAME: z.string().min(3),
    SYNC_QUEUE_URL: z.string().url().optional(),
    PROPOSE_QUEUE_URL: z.string().url().optional(),
    REGISTRY_ID: z.string().min(1),
    /** Secrets Manager id of the Google credentials (service-account key or federation config). */
    GOOGLE_SECRET_ID: z.string().min(1).optional(),
    /** A fixed access token: only for the local stand-in. */
    GOOGLE_ACCESS_TOKEN: z.string().min(1).optional(),
    GOOGLE_ROOT_URL: z.string().url().optional(),
    /** Only the functions that write feedback and proposals get the write scope. */
    GOOGLE_ACCESS: z.enum(['read', 'write']),
    SHARED_DRIVE_FOLDER: z.string().min(1).optional(),
    MOVEMENT_FILE: z.string().min(1).optional(),
    /** The award-history spreadsheet the office keeps (pending blocks, prior awards for the rounds). */
    HISTORY_ID: z.string().min(1).optional(),
    YEAR: z.coerce.number().int().min(2000).max(2100).optional(),
    /** Per process: the service account's quota divided by the functions that may run at once. */
    READS_PER_MINUTE: z.coerce.number().int().positive().default(60),
    WRITES_PER_MINUTE: z.coerce.number().int().positive().default(60),
    /** For the admin's `doctor`: the account's quota and how many workers share it (the stack's settings). */
    ACCOUNT_READS_PER_MINUTE: z.coerce.number().int().positive().optional(),
    ACCOUNT_WRITES_PER_MINUTE: z.coerce.number().int().positive().optional(),
    WORKER_CONCURRENCY: z.coerce.number().int().positive().optional(),
    GOOGLE_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    DYNAMODB_ENDPOINT: z.string().url().optional(),
    /** How long a sync run may hold the store's lease before another dispatcher may start one. */
    RUN_LEASE_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(6 * 60 * 60 * 1000),
  })
  .refine((env) => env.GOOGLE_SECRET_ID || env.GOOGLE_ACCESS_TOKEN, {
    message: 'GOOGLE_SECRET_ID (or, for the stand-in, GOOGLE_ACCESS_TOKEN) is required',
    path: ['GOOGLE_SECRET_ID'],
  });

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success)
    throw new ConfigError(
      `invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}
