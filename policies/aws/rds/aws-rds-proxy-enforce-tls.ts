import * as rds from "@pulumi/aws/rds";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * An RDS proxy that does not require TLS accepts clear-text client connections even when the database behind it
 * requires TLS.
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsRdsProxyEnforceTls = resourcePolicy(
  {
    name: "aws-rds-proxy-enforce-tls",
    description: "RDS and Aurora proxies must require TLS.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps: "Set `requireTls: true` on the aws.rds.Proxy.",
  },
  rds.Proxy,
  (proxy, { report }) =>
    checkEach(report, [
      () => mustBeTrue("requireTls", proxy.requireTls, "the service default false"),
    ]),
);
