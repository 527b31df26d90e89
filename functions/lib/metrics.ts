/**
 * What the functions measure, as CloudWatch metrics in the embedded metric format (Powertools
 * Metrics, flushed by its middy middleware at the end of each invocation): units synced and
 * rejected, Google calls and 429s, the seconds a run took from dispatch to its last unit. The
 * app code records through this small port, so tests and benchmarks run it without a sink.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export type MetricName = 'UnitsSynced' | 'UnitsRejected' | 'GoogleCalls' | 'GoogleThrottled' | 'RunSeconds';

export interface RunMetrics {
  add(name: MetricName, value: number): void;
}

export const noMetrics: RunMetrics = { add: () => {} };

const UNITS: Record<MetricName, (typeof MetricUnit)[keyof typeof MetricUnit]> = {
  UnitsSynced: MetricUnit.Count,
  UnitsRejected: MetricUnit.Count,
  GoogleCalls: MetricUnit.Count,
  GoogleThrottled: MetricUnit.Count,
  RunSeconds: MetricUnit.Seconds,
};

/** The functions' metrics: namespace `thidua`, one dimension per function (its service name). */
export function lambdaMetrics(functionName: string): { metrics: Metrics; port: RunMetrics } {
  const metrics = new Metrics({ namespace: 'thidua', serviceName: functionName });
  return { metrics, port: { add: (name, value) => metrics.addMetric(name, UNITS[name], value) } };
}
