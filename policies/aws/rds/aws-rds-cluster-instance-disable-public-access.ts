import * as rds from "@pulumi/aws/rds";
import { resourcePolicy } from "../../lib/define";

/**
 * A publicly accessible database gets a public DNS name and address; PHI stores are reached only from private
 * subnets.
 * @severity critical
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const awsRdsClusterInstanceDisablePublicAccess = resourcePolicy(
  {
    name: "aws-rds-cluster-instance-disable-public-access",
    description: "RDS cluster instances must not be publicly accessible.",
    severity: "critical",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `publiclyAccessible: false` on the aws.rds.ClusterInstance and place the cluster in private subnets.",
  },
  rds.ClusterInstance,
  (db, { report }) => {
    if (db.publiclyAccessible === true) {
      report("publiclyAccessible is true; expected false.");
    }
  },
);
