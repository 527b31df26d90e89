/** CDK app: `npx cdk synth` works offline with no AWS credentials (environment-agnostic stacks). */
import { App } from 'aws-cdk-lib';
import { StatefulStack } from './stateful-stack.ts';

const app = new App();
new StatefulStack(app, 'ThiduaStateful', {
  description: 'thidua: table and secrets of the emulation-and-award job',
});
app.synth();
