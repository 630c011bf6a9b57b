import * as cognito from "@pulumi/aws/cognito";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * A password alone does not authenticate a person who can read PHI: a phished or reused password is enough to get
 * in, so every user of the pool must present a second factor.
 * @severity high
 * @controls hipaa:164.312(d), gdpr:art32
 */
export const awsCognitoUserPoolEnableMfa = resourcePolicy(
  {
    name: "aws-cognito-user-pool-enable-mfa",
    description: "Cognito user pools must require multi-factor authentication for every user.",
    severity: "high",
    controls: ["hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      'Set `mfaConfiguration: "ON"` on the aws.cognito.UserPool and configure a factor (`softwareTokenMfaConfiguration: {enabled: true}` or `emailMfaConfiguration`/`smsConfiguration`).',
  },
  cognito.UserPool,
  (pool, { report }) => {
    if (pool.mfaConfiguration !== "ON") {
      report(
        `mfaConfiguration is ${shown(pool.mfaConfiguration)} (AWS defaults to "OFF"); expected "ON".`,
      );
    }
  },
);
