import * as sagemaker from "@pulumi/aws/sagemaker";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * Studio apps of a domain in PublicInternetOnly mode (the default) reach the internet directly, bypassing the VPC's
 * endpoints, egress controls and flow logs.
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsSagemakerDomainEnforceVpcOnly = resourcePolicy(
  {
    name: "aws-sagemaker-domain-enforce-vpc-only",
    description: 'SageMaker domains must use appNetworkAccessType "VpcOnly".',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `appNetworkAccessType: "VpcOnly"` with private `subnetIds` on the aws.sagemaker.Domain.',
  },
  sagemaker.Domain,
  (domain, { report }) =>
    checkEach(report, [
      () =>
        domain.appNetworkAccessType === "VpcOnly"
          ? undefined
          : `appNetworkAccessType is ${shown(domain.appNetworkAccessType, "the service default PublicInternetOnly")}; expected "VpcOnly".`,
    ]),
);
