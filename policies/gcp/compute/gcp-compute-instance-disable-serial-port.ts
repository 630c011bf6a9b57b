import * as compute from "@pulumi/gcp/compute";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * The interactive serial console accepts connections from any IP address and is not covered by firewall rules
 * (CIS GCP 4.5, Checkov CKV_GCP_35). It is off unless the metadata turns it on.
 * @severity medium
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const gcpComputeInstanceDisableSerialPort = resourcePolicy(
  {
    name: "gcp-compute-instance-disable-serial-port",
    description: "Compute Engine instances must not enable interactive serial port access.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Remove the "serial-port-enable" metadata key from the gcp.compute.Instance (or set it to "false").',
  },
  compute.Instance,
  (instance, { report }) =>
    checkEach(report, [
      () => {
        const value = (instance.metadata ?? {})["serial-port-enable"];
        return value !== undefined && /^(true|1|yes)$/i.test(String(value).trim())
          ? `metadata serial-port-enable is ${JSON.stringify(value)}; expected it unset or "false".`
          : undefined;
      },
    ]),
);
