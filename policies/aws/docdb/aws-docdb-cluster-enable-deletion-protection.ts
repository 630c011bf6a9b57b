import * as docdb from "@pulumi/aws/docdb";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Deletion protection stops one mistaken `pulumi destroy` or API call from removing a database of patient records
 * (AWS FSBP DocumentDB.5).
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsDocdbClusterEnableDeletionProtection = resourcePolicy(
  {
    name: "aws-docdb-cluster-enable-deletion-protection",
    description: "DocumentDB clusters must enable deletion protection.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps: "Set `deletionProtection: true` on the aws.docdb.Cluster.",
  },
  docdb.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue("deletionProtection", cluster.deletionProtection, "the provider default false"),
    ]),
);
