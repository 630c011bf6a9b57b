import * as dataflow from "@pulumi/gcp/dataflow";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * Dataflow workers get external IP addresses unless ipConfiguration is WORKER_IP_PRIVATE, putting VMs that process
 * PHI on the internet.
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const gcpDataflowFlexTemplateJobDisablePublicIps = resourcePolicy(
  {
    name: "gcp-dataflow-flextemplatejob-disable-public-ips",
    description:
      'Dataflow flex template jobs must run workers with private IPs only (ipConfiguration "WORKER_IP_PRIVATE").',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `ipConfiguration: "WORKER_IP_PRIVATE"` (and a subnetwork with Private Google Access) on the gcp.dataflow.FlexTemplateJob.',
  },
  dataflow.FlexTemplateJob,
  (job, { report }) =>
    checkEach(report, [
      () =>
        job.ipConfiguration === "WORKER_IP_PRIVATE"
          ? undefined
          : `ipConfiguration is ${shown(job.ipConfiguration, "the service default WORKER_IP_PUBLIC")}; expected "WORKER_IP_PRIVATE".`,
    ]),
);
