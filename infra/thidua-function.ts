/**
 * The one construct every thidua function is made with: it owns the defaults (Node 22, ARM64,
 * ESM esbuild bundle with its source map beside it, the movement file beside the bundle, a log
 * group with a retention, a timeout, an error alarm), so the stack never repeats them. No
 * `--enable-source-maps` in NODE_OPTIONS: reading the map at start cost 11–20 ms of each cold
 * start (`npm run bundles`, issue 12); a stack trace is mapped with the `.map` file when needed.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BUNDLE, entryOf, type FunctionName } from './bundling.ts';

export interface ThiduaFunctionProps {
  readonly name: FunctionName;
  readonly description: string;
  readonly timeout: Duration;
  readonly memorySize?: number;
  readonly environment: Record<string, string>;
  /** The movement configuration file bundled with the function. */
  readonly movementFile: string;
}

export class ThiduaFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly errors: Alarm;

  constructor(scope: Construct, id: string, props: ThiduaFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.fn = new NodejsFunction(this, 'Function', {
      entry: entryOf(props.name),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      logGroup,
      environment: props.environment,
      bundling: {
        format: OutputFormat.ESM,
        mainFields: [...BUNDLE.mainFields],
        target: BUNDLE.target,
        minify: BUNDLE.minify,
        sourceMap: BUNDLE.sourcemap,
        externalModules: [...BUNDLE.external],
        banner: BUNDLE.banner,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // Runs where the app is synthesized (local bundling, no Docker): the movement file goes
          // beside the bundle, copied by Node, the same under sh and cmd (copyCommand).
          afterBundling: (_input: string, output: string) => [
            copyCommand(props.movementFile, `${output}/${BUNDLE.movementFileName}`),
          ],
        },
      },
    });
    this.errors = new Alarm(this, 'Errors', {
      alarmDescription: `thidua ${props.name}: the function failed`,
      metric: this.fn.metricErrors({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}

/**
 * A copy as one command that runs the same under sh and Windows cmd: Node copies. Paths use `/`
 * (Node takes them on Windows too), so the quoted script holds no backslash either shell would eat.
 */
export function copyCommand(from: string, to: string): string {
  const slash = (path: string) => path.replaceAll('\\', '/');
  const script = `require('node:fs').copyFileSync(${JSON.stringify(slash(from))},${JSON.stringify(slash(to))})`;
  return `node -e ${JSON.stringify(script)}`;
}
