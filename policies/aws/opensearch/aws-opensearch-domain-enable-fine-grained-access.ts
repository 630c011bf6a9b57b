import * as opensearch from "@pulumi/aws/opensearch";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Fine-grained access control decides per user and index who reads what; without it any principal the domain policy
 * admits reads every index, and anonymous auth opens it to all (AWS FSBP OpenSearch.7).
 * @severity high
 * @controls hipaa:164.312(d), hipaa:164.312(a)(1), gdpr:art32
 */
export const awsOpensearchDomainEnableFineGrainedAccess = resourcePolicy(
  {
    name: "aws-opensearch-domain-enable-fine-grained-access",
    description:
      "OpenSearch domains must enable fine-grained access control without anonymous access.",
    severity: "high",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `advancedSecurityOptions: {enabled: true, anonymousAuthEnabled: false, internalUserDatabaseEnabled: false, masterUserOptions: {masterUserArn}}` on the aws.opensearch.Domain.",
  },
  opensearch.Domain,
  (domain, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue(
          "advancedSecurityOptions.enabled",
          domain.advancedSecurityOptions?.enabled,
          "fine-grained access control off",
        ),
      () =>
        domain.advancedSecurityOptions?.anonymousAuthEnabled === true
          ? "advancedSecurityOptions.anonymousAuthEnabled is true; expected false."
          : undefined,
    ]),
);
