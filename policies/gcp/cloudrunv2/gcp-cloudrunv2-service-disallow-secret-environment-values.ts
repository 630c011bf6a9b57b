import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";
import { secretEnvironmentFinding } from "../../lib/secret-values";

/**
 * Literal environment values are stored in every revision and shown to anyone with run.services.get; credentials
 * belong in Secret Manager and reach the container through `valueSource.secretKeyRef`. Values are judged by shape,
 * and a variable named like a secret must not hold a literal.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const gcpCloudrunv2ServiceDisallowSecretEnvironmentValues = resourcePolicy(
  {
    name: "gcp-cloudrunv2-service-disallow-secret-environment-values",
    description:
      "Cloud Run services must not put secrets (judged by value, or literals under a secret's name) in container environment values.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Store the value in Secret Manager and set `valueSource: {secretKeyRef: {secret, version}}` instead of `value` on the env entry of the gcp.cloudrunv2.Service.",
  },
  cloudrunv2.Service,
  (service, { report }) =>
    checkEach(
      report,
      (service.template?.containers ?? []).flatMap((c, i) =>
        (c.envs ?? []).map(
          (e) => () =>
            secretEnvironmentFinding(
              `container ${c.name ?? `#${i}`} env ${e.name}`,
              String(e.name),
              e.value,
              "valueSource.secretKeyRef",
            ),
        ),
      ),
    ),
);
