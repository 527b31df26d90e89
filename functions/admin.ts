/**
 * On-demand entry for the emulation office (invoked directly, e.g. `aws lambda invoke`):
 *   { "action": "resync-unit", "unitCode": "T01-KV3" }   read that unit's workbook again now
 *   { "action": "repropose", "councilCode": "T01" }       rewrite one council's proposal (or all)
 *   { "action": "round", "round": "final" }               the mid-term or final round's lists (one council, or all)
 */
import { randomUUID } from 'node:crypto';
import { type AdminResult, administer } from './app/admin.ts';
import { loadConfig } from './lib/config.ts';
import { lambdaMetrics } from './lib/metrics.ts';
import { withThiduaMiddlewares } from './lib/middleware.ts';
import { countingGoogle, createRuntime, lazyRuntime } from './lib/runtime.ts';

// Configuration is parsed once at cold start and fails fast; clients are built once per container.
const config = loadConfig(process.env);
const { metrics, port } = lambdaMetrics('admin');
const runtime = lazyRuntime(() => createRuntime(config, { metrics: port }));

export const handler = withThiduaMiddlewares<unknown, AdminResult>('admin', metrics, async (event) => {
  const rt = await runtime();
  return countingGoogle(rt, () => administer(rt, event, new Date().toISOString(), `admin-${randomUUID()}`));
});
