/**
 * Credentials for the command line against a real AWS account: the AWS SDK's default chain
 * (environment, SSO, shared config and credentials files, process, web identity, container and
 * instance metadata), loaded only when asked for. Lambda functions never import this module:
 * they take their role's credentials from the environment.
 */
import type { AwsCredentials } from './client.ts';

export function nodeCredentialChain(): () => Promise<AwsCredentials> {
  let provider: (() => Promise<AwsCredentials>) | undefined;
  return async () => {
    if (!provider) {
      const { defaultProvider } = await import('@aws-sdk/credential-provider-node');
      provider = defaultProvider();
    }
    return provider();
  };
}
