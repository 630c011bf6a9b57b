import * as cognito from "@pulumi/aws/cognito";
import { resourcePolicy } from "../../lib/define";

/**
 * The implicit grant returns tokens in the URL fragment, where browser history, referrers and logs keep them; the
 * authorization code flow with PKCE gives the same result without exposing the token.
 * @severity high
 * @controls hipaa:164.312(d), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsCognitoUserPoolClientDisableImplicitFlow = resourcePolicy(
  {
    name: "aws-cognito-user-pool-client-disable-implicit-flow",
    description: "Cognito app clients must not allow the OAuth implicit grant.",
    severity: "high",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Remove "implicit" from `allowedOauthFlows` on the aws.cognito.UserPoolClient and use `allowedOauthFlows: ["code"]` (authorization code with PKCE).',
  },
  cognito.UserPoolClient,
  (client, { report }) => {
    const flows = client.allowedOauthFlows ?? [];
    if (flows.includes("implicit")) {
      report(`allowedOauthFlows is ${JSON.stringify(flows)}; expected no "implicit" (use "code").`);
    }
  },
);
