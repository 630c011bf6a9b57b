import * as rds from "@pulumi/aws/rds";
import { resourcePolicy } from "../../lib/define";

/**
 * Performance Insights stores query text, which can include patient identifiers from WHERE clauses; when it is on,
 * it must be encrypted with a customer-managed key.
 * @severity medium
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsRdsInstanceConfigurePerformanceInsightsKms = resourcePolicy(
  {
    name: "aws-rds-instance-configure-performance-insights-kms",
    description:
      "RDS instances with Performance Insights must encrypt it with a customer-managed KMS key.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `performanceInsightsKmsKeyId: <customer-managed key ARN>` wherever `performanceInsightsEnabled` is true on the aws.rds.Instance.",
  },
  rds.Instance,
  (db, { report }) => {
    if (db.performanceInsightsEnabled === true && db.performanceInsightsKmsKeyId === undefined) {
      report(
        "performanceInsightsEnabled is true and performanceInsightsKmsKeyId is not set; expected a customer-managed KMS key ARN.",
      );
    }
  },
);
