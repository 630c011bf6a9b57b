import * as rds from "@pulumi/aws/rds";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * With IAM authentication required every client connection is tied to an identity and logged in CloudTrail; with it
 * DISABLED the proxy accepts the shared database password.
 * @severity medium
 * @controls hipaa:164.312(d), hipaa:164.312(a)(1), gdpr:art32
 */
export const awsRdsProxyEnforceIamAuthentication = resourcePolicy(
  {
    name: "aws-rds-proxy-enforce-iam-authentication",
    description: "RDS and Aurora proxies must require IAM authentication on every auth entry.",
    severity: "medium",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps: 'Set `iamAuth: "REQUIRED"` on every entry of `auths` on the aws.rds.Proxy.',
  },
  rds.Proxy,
  (proxy, { report }) =>
    checkEach(report, [
      ...(proxy.auths ?? []).map(
        (auth, i) => () =>
          auth.iamAuth === "REQUIRED"
            ? undefined
            : `auths[${i}].iamAuth is ${shown(auth.iamAuth, "the service default DISABLED")}; expected "REQUIRED".`,
      ),
    ]),
);
