import * as neptune from "@pulumi/aws/neptune";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Deletion protection keeps a mistaken delete from removing the graph and its automated backups (AWS FSBP
 * Neptune.4).
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsNeptuneClusterEnableDeletionProtection = resourcePolicy(
  {
    name: "aws-neptune-cluster-enable-deletion-protection",
    description: "Neptune clusters must enable deletion protection.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps: "Set `deletionProtection: true` on the aws.neptune.Cluster.",
  },
  neptune.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue("deletionProtection", cluster.deletionProtection, "the provider default false"),
    ]),
);
