import * as composer from "@pulumi/gcp/composer";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * A public Composer environment gives its workers external IPs and its GKE control plane a public endpoint;
 * pipelines that move PHI run privately.
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const gcpComposerEnvironmentEnablePrivateEnvironment = resourcePolicy(
  {
    name: "gcp-composer-environment-enable-private-environment",
    description:
      "Cloud Composer environments must be private (enablePrivateEnvironment, or a private endpoint in privateEnvironmentConfig).",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `config.enablePrivateEnvironment: true` (Composer 3) or `config.privateEnvironmentConfig.enablePrivateEndpoint: true` (Composer 2) on the gcp.composer.Environment.",
  },
  composer.Environment,
  (env, { report }) =>
    checkEach(report, [
      () =>
        env.config?.enablePrivateEnvironment === true ||
        env.config?.privateEnvironmentConfig?.enablePrivateEndpoint === true
          ? undefined
          : "config.enablePrivateEnvironment and config.privateEnvironmentConfig.enablePrivateEndpoint are not true (a public environment); expected a private environment.",
    ]),
);
