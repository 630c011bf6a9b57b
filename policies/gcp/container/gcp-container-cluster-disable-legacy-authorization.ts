import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";

/**
 * Legacy ABAC grants broad static permissions beside RBAC, and client certificates are long-lived credentials that
 * cannot be revoked; both bypass the identity provider that authenticates every person.
 * @severity high
 * @controls hipaa:164.312(d), hipaa:164.312(a)(1), gdpr:art32
 */
export const gcpContainerClusterDisableLegacyAuthorization = resourcePolicy(
  {
    name: "gcp-container-cluster-disable-legacy-authorization",
    description: "GKE clusters must not enable legacy ABAC or issue client certificates.",
    severity: "high",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Remove `enableLegacyAbac: true` (or set it to false) and set `masterAuth.clientCertificateConfig.issueClientCertificate: false` on the gcp.container.Cluster.",
  },
  container.Cluster,
  (cluster, { report }) => {
    if (cluster.enableLegacyAbac === true) {
      report("enableLegacyAbac is true; set it to false and authorize with RBAC.");
    }
    if (cluster.masterAuth?.clientCertificateConfig?.issueClientCertificate === true) {
      report("masterAuth.clientCertificateConfig.issueClientCertificate is true; set it to false.");
    }
  },
);
