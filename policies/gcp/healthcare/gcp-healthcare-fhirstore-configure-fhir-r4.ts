import * as healthcare from "@pulumi/gcp/healthcare";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * DSTU2 and STU3 stores miss the R4 security labels and consent resources, and the version cannot change after
 * creation.
 * @severity low
 * @controls hipaa:164.312(c)(1)
 */
export const gcpHealthcareFhirStoreConfigureFhirR4 = resourcePolicy(
  {
    name: "gcp-healthcare-fhirstore-configure-fhir-r4",
    description: 'FHIR stores must use version "R4" (or later).',
    severity: "low",
    controls: ["hipaa:164.312(c)(1)"],
    remediationSteps: 'Set `version: "R4"` on the gcp.healthcare.FhirStore.',
  },
  healthcare.FhirStore,
  (store, { report }) =>
    checkEach(report, [
      () =>
        ["R4", "R5"].includes(store.version ?? "")
          ? undefined
          : `version is ${shown(store.version, "the provider default STU3")}; expected "R4".`,
    ]),
);
