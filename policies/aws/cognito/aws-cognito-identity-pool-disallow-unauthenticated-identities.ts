import * as cognito from "@pulumi/aws/cognito";
import { resourcePolicy } from "../../lib/define";

/**
 * Unauthenticated identities hand AWS credentials to anyone who asks, with no user behind them; every identity that
 * can reach PHI must belong to a signed-in person.
 * @severity critical
 * @controls hipaa:164.312(a)(2)(i), hipaa:164.312(a)(1)
 */
export const awsCognitoIdentityPoolDisallowUnauthenticatedIdentities = resourcePolicy(
  {
    name: "aws-cognito-identity-pool-disallow-unauthenticated-identities",
    description: "Cognito identity pools must not allow unauthenticated (guest) identities.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(2)(i)", "hipaa:164.312(a)(1)"],
    remediationSteps:
      "Set `allowUnauthenticatedIdentities: false` on the aws.cognito.IdentityPool.",
  },
  cognito.IdentityPool,
  (pool, { report }) => {
    if (pool.allowUnauthenticatedIdentities === true) {
      report("allowUnauthenticatedIdentities is true; expected false.");
    }
  },
);
