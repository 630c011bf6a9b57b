import * as ecr from "@pulumi/aws/ecr";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * With mutable tags anyone with push rights can replace the image a PHI workload runs under the same tag without a
 * deployment; the provider default is MUTABLE (Checkov CKV_AWS_51, AWS FSBP ECR.2).
 * @severity medium
 * @controls hipaa:164.312(c)(1), gdpr:art32
 */
export const awsEcrRepositoryEnableImmutableTags = resourcePolicy(
  {
    name: "aws-ecr-repository-enable-immutable-tags",
    description: "ECR repositories must make image tags immutable.",
    severity: "medium",
    controls: ["hipaa:164.312(c)(1)", "gdpr:art32"],
    remediationSteps: 'Set `imageTagMutability: "IMMUTABLE"` on the aws.ecr.Repository.',
  },
  ecr.Repository,
  (repo, { report }) =>
    checkEach(report, [
      () =>
        String(repo.imageTagMutability ?? "MUTABLE").startsWith("IMMUTABLE")
          ? undefined
          : `imageTagMutability is ${shown(repo.imageTagMutability, "the provider default MUTABLE")}; expected "IMMUTABLE".`,
    ]),
);
