import * as ecr from "@pulumi/aws/ecr";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Images that run PHI workloads are scanned for known vulnerabilities when pushed, so a vulnerable image is seen
 * before it is deployed (AWS FSBP ECR.1, Checkov CKV_AWS_163).
 * @severity medium
 * @controls hipaa:164.308(a)(1)(ii)(D), gdpr:art32
 */
export const awsEcrRepositoryEnableScanOnPush = resourcePolicy(
  {
    name: "aws-ecr-repository-enable-scan-on-push",
    description: "ECR repositories must scan images on push.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(1)(ii)(D)", "gdpr:art32"],
    remediationSteps:
      "Set `imageScanningConfiguration: {scanOnPush: true}` on the aws.ecr.Repository (or use registry-level enhanced scanning).",
  },
  ecr.Repository,
  (repo, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue(
          "imageScanningConfiguration.scanOnPush",
          repo.imageScanningConfiguration?.scanOnPush,
          "no scanning",
        ),
    ]),
);
