import * as msk from "@pulumi/aws/msk";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * Public access gives every broker an internet-routable address; event streams carrying PHI stay on private
 * networks.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsMskClusterDisallowPublicAccess = resourcePolicy(
  {
    name: "aws-msk-cluster-disallow-public-access",
    description: "MSK clusters must not turn on public access for brokers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Leave `brokerNodeGroupInfo.connectivityInfo.publicAccess.type` unset or "DISABLED" on the aws.msk.Cluster.',
  },
  msk.Cluster,
  (cluster, { report }) => {
    const type = cluster.brokerNodeGroupInfo.connectivityInfo?.publicAccess?.type;
    checkEach(report, [
      () =>
        type === undefined || type === "DISABLED"
          ? undefined
          : `brokerNodeGroupInfo.connectivityInfo.publicAccess.type is ${shown(type)}; expected "DISABLED".`,
    ]);
  },
);
