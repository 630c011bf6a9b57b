import * as msk from "@pulumi/aws/msk";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * Producers and consumers exchange PHI with the brokers, and brokers replicate it between themselves; both paths
 * must be TLS only (the defaults are TLS and in-cluster true, and TLS_PLAINTEXT or PLAINTEXT reopen them) (AWS FSBP MSK.1).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsMskClusterEnforceTls = resourcePolicy(
  {
    name: "aws-msk-cluster-enforce-tls",
    description:
      "MSK clusters must encrypt client-broker traffic with TLS only and keep in-cluster encryption on.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `encryptionInfo.encryptionInTransit: {clientBroker: "TLS", inCluster: true}` on the aws.msk.Cluster (or leave both unset).',
  },
  msk.Cluster,
  (cluster, { report }) => {
    const transit = cluster.encryptionInfo?.encryptionInTransit;
    checkEach(report, [
      () =>
        (transit?.clientBroker ?? "TLS") === "TLS"
          ? undefined
          : `encryptionInfo.encryptionInTransit.clientBroker is ${shown(transit?.clientBroker)}; expected "TLS" (the provider default).`,
      () =>
        transit?.inCluster === false
          ? "encryptionInfo.encryptionInTransit.inCluster is false; expected true (the provider default)."
          : undefined,
    ]);
  },
);
