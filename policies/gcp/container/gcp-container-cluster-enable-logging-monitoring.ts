import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";

/**
 * Cluster, audit and workload logs are how access to PHI in the cluster is reviewed and how a breach is found;
 * turning Cloud Logging or Cloud Monitoring off removes them.
 * @severity high
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const gcpContainerClusterEnableLoggingMonitoring = resourcePolicy(
  {
    name: "gcp-container-cluster-enable-logging-monitoring",
    description: "GKE clusters must send logs to Cloud Logging and metrics to Cloud Monitoring.",
    severity: "high",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Leave `loggingService` and `monitoringService` unset or set them to "logging.googleapis.com/kubernetes" and "monitoring.googleapis.com/kubernetes".',
  },
  container.Cluster,
  (cluster, { report }) => {
    if (cluster.loggingService === "none") {
      report('loggingService is "none"; set it to "logging.googleapis.com/kubernetes".');
    }
    if (cluster.monitoringService === "none") {
      report('monitoringService is "none"; set it to "monitoring.googleapis.com/kubernetes".');
    }
  },
);
