import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { StatefulStack } from '../../infra/stateful-stack.ts';

describe('stateful stack', () => {
  const template = Template.fromStack(new StatefulStack(new App(), 'Test'));

  it('has one on-demand table keyed as the store expects, protected and encrypted', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      SSESpecification: { SSEEnabled: true },
      Replicas: [
        Match.objectLike({
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      ],
    });
  });

  it('retains the table and the credentials secret when the stack is deleted', () => {
    const table = Object.values(template.findResources('AWS::DynamoDB::GlobalTable'))[0];
    expect(table?.DeletionPolicy).toBe('Retain');
    template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
  });

  it('creates the credentials secret empty, never with a random value the functions would take for a key', () => {
    const secret = Object.values(template.findResources('AWS::SecretsManager::Secret'))[0] as {
      Properties: Record<string, unknown>;
    };
    expect(secret.Properties).not.toHaveProperty('GenerateSecretString');
    expect(secret.Properties).not.toHaveProperty('SecretString');
  });
});
