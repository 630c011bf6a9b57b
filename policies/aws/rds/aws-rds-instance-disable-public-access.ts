import * as rds from "@pulumi/aws/rds";
import { resourcePolicy } from "../../lib/define";

/**
 * A publicly accessible database gets a public DNS name and address; PHI stores are reached only from private
 * subnets.
 * @severity critical
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const awsRdsInstanceDisablePublicAccess = resourcePolicy(
  {
    name: "aws-rds-instance-disable-public-access",
    description: "RDS instances must not be publicly accessible.",
    severity: "critical",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `publiclyAccessible: false` on the aws.rds.Instance and place it in private subnets.",
  },
  rds.Instance,
  (db, { report }) => {
    if (db.publiclyAccessible === true) {
      report("publiclyAccessible is true; expected false.");
    }
  },
);
