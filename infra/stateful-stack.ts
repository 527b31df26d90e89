/**
 * The stateful resources, in a stack of their own so the stateless one (functions, queue,
 * schedule: see issue 4) can be replaced freely: the single table and the Google credentials secret.
 */
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type CfnSecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { TABLE_KEY } from '../shared/adapters/dynamodb/keys.ts';

export class StatefulStack extends Stack {
  readonly table: TableV2;
  readonly googleCredentials: Secret;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE_KEY.partition, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEY.sort, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryptionV2.awsManagedKey(),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.googleCredentials = new Secret(this, 'GoogleCredentials', {
      description: 'thidua: Google service-account key (JSON) used to read and write the sector workbooks',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Created empty, not with a random value: until the key is put (docs/aws.md, step 2) the
    // dispatcher finds no value and says so once, instead of failing every run on a value that is
    // not a key. (CloudFormation makes an empty secret when neither value property is given.)
    (this.googleCredentials.node.defaultChild as CfnSecret).addPropertyDeletionOverride(
      'GenerateSecretString',
    );
    new CfnOutput(this, 'GoogleCredentialsSecretArn', {
      value: this.googleCredentials.secretArn,
      description: 'Put the service-account key or the workload-identity-federation config here',
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}
