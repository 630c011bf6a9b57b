import * as cognito from "@pulumi/aws/cognito";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * Threat protection (advanced security) is what watches sign-ins: it blocks compromised credentials and risky
 * log-ins instead of only recording them, and it needs the Plus feature plan.
 * @severity high
 * @controls hipaa:164.308(a)(5)(ii)(C), hipaa:164.312(d), gdpr:art32
 */
export const awsCognitoUserPoolEnforceAdvancedSecurity = resourcePolicy(
  {
    name: "aws-cognito-user-pool-enforce-advanced-security",
    description:
      "Cognito user pools must enforce threat protection (advanced security) on the Plus feature plan.",
    severity: "high",
    controls: ["hipaa:164.308(a)(5)(ii)(C)", "hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      'Set `userPoolAddOns: {advancedSecurityMode: "ENFORCED"}` and `userPoolTier: "PLUS"` (or leave the tier unset only on pools that predate feature plans) on the aws.cognito.UserPool.',
  },
  cognito.UserPool,
  (pool, { report }) => {
    const mode = pool.userPoolAddOns?.advancedSecurityMode;
    if (mode !== "ENFORCED") {
      report(`userPoolAddOns.advancedSecurityMode is ${shown(mode)}; expected "ENFORCED".`);
    }
    if (pool.userPoolTier !== undefined && pool.userPoolTier !== "PLUS") {
      report(`userPoolTier is ${shown(pool.userPoolTier)}; threat protection needs "PLUS".`);
    }
  },
);
