import * as filestore from "@pulumi/gcp/filestore";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Deleting a Filestore instance deletes its shares at once; deletion protection makes that a deliberate two-step
 * act.
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const gcpFilestoreInstanceEnableDeletionProtection = resourcePolicy(
  {
    name: "gcp-filestore-instance-enable-deletion-protection",
    description: "Filestore instances must enable deletion protection.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps: "Set `deletionProtectionEnabled: true` on the gcp.filestore.Instance.",
  },
  filestore.Instance,
  (instance, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue(
          "deletionProtectionEnabled",
          instance.deletionProtectionEnabled,
          "the provider default false",
        ),
    ]),
);
