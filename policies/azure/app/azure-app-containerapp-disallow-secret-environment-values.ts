import * as app from "@pulumi/azure-native/app";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";
import { secretEnvironmentFinding } from "../../lib/secret-values";

/**
 * Literal environment values are stored in every revision and shown to anyone who can read the app; credentials
 * belong in the app's secrets (ideally Key Vault references) and env entries name them with `secretRef`. Values
 * are judged by shape, and a variable named like a secret must not hold a literal.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const azureAppContainerAppDisallowSecretEnvironmentValues = resourcePolicy(
  {
    name: "azure-app-containerapp-disallow-secret-environment-values",
    description:
      "Container Apps must not put secrets (judged by value, or literals under a secret's name) in container environment values.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Add the value to `configuration.secrets` (with `keyVaultUrl` and an identity) and reference it with `secretRef` in the env entry of the azure-native app.ContainerApp.",
  },
  app.ContainerApp,
  (containerApp, { report }) => {
    const containers = [
      ...(containerApp.template?.initContainers ?? []),
      ...(containerApp.template?.containers ?? []),
    ];
    checkEach(
      report,
      containers.flatMap((c) =>
        (c.env ?? []).map(
          (e) => () =>
            secretEnvironmentFinding(
              `container ${c.name} env ${e.name}`,
              String(e.name),
              e.value,
              "a secret with secretRef",
            ),
        ),
      ),
    );
  },
);
