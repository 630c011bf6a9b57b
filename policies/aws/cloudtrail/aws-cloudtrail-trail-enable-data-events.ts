import * as cloudtrail from "@pulumi/aws/cloudtrail";
import { resourcePolicy } from "../../lib/define";

/**
 * Management events show who changed a bucket or table, not who read a record in it; data events (S3 object reads,
 * DynamoDB item access, Lambda invocations) are the audit trail of access to PHI itself.
 * @severity high
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsCloudtrailTrailEnableDataEvents = resourcePolicy(
  {
    name: "aws-cloudtrail-trail-enable-data-events",
    description:
      "CloudTrail trails must record data events (through eventSelectors data resources or advanced event selectors).",
    severity: "high",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Add `advancedEventSelectors: [{name: "PHI data events", fieldSelectors: [{field: "eventCategory", equals: ["Data"]}, {field: "resources.type", equals: ["AWS::S3::Object"]}]}]` (and one per AWS::DynamoDB::Table, AWS::Lambda::Function) to the aws.cloudtrail.Trail.',
  },
  cloudtrail.Trail,
  (trail, { report }) => {
    const basic = (trail.eventSelectors ?? []).some((s) => (s.dataResources ?? []).length > 0);
    const advanced = (trail.advancedEventSelectors ?? []).some((s) =>
      s.fieldSelectors.some(
        (f) => f.field === "eventCategory" && (f.equals ?? []).includes("Data"),
      ),
    );
    if (!basic && !advanced) {
      report(
        'No event selector records data events; expected eventSelectors with dataResources or an advanced selector on eventCategory "Data".',
      );
    }
  },
);
