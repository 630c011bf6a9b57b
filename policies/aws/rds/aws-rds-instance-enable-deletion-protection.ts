import * as rds from "@pulumi/aws/rds";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * Deleting a database (or replacing it in a careless change) destroys PHI; deletion protection makes that an
 * explicit two-step operation.
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsRdsInstanceEnableDeletionProtection = resourcePolicy(
  {
    name: "aws-rds-instance-enable-deletion-protection",
    description: "RDS instances must have deletion protection enabled.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps: "Set `deletionProtection: true` on the aws.rds.Instance.",
  },
  rds.Instance,
  (db, { report }) => {
    if (db.deletionProtection !== true) {
      report(`deletionProtection is ${shown(db.deletionProtection)}; expected true.`);
    }
  },
);
