import * as msk from "@pulumi/aws/msk";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Without client authentication any network peer can produce to or consume from every topic; MSK allows
 * unauthenticated access when no clientAuthentication block is given.
 * @severity high
 * @controls hipaa:164.312(d), hipaa:164.312(a)(1), gdpr:art32
 */
export const awsMskClusterDisallowUnauthenticatedAccess = resourcePolicy(
  {
    name: "aws-msk-cluster-disallow-unauthenticated-access",
    description:
      "MSK clusters must require client authentication (IAM, SCRAM or mutual TLS) and disallow unauthenticated access.",
    severity: "high",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `clientAuthentication: {sasl: {iam: true}, unauthenticated: false}` (or SCRAM / mutual TLS) on the aws.msk.Cluster.",
  },
  msk.Cluster,
  (cluster, { report }) => {
    const auth = cluster.clientAuthentication;
    checkEach(report, [
      () =>
        auth?.unauthenticated === true
          ? "clientAuthentication.unauthenticated is true; expected false."
          : undefined,
      () =>
        auth?.sasl?.iam === true ||
        auth?.sasl?.scram === true ||
        (auth?.tls?.certificateAuthorityArns ?? []).length > 0
          ? undefined
          : "clientAuthentication names no method (sasl.iam, sasl.scram or tls.certificateAuthorityArns), so clients connect unauthenticated; expected IAM, SCRAM or mutual TLS.",
    ]);
  },
);
