import * as healthcare from "@pulumi/gcp/healthcare";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Resource history is the integrity record of a clinical document: who changed what and when; disabling versioning
 * or allowing history to be rewritten removes it.
 * @severity medium
 * @controls hipaa:164.312(c)(1), hipaa:164.312(b)
 */
export const gcpHealthcareFhirStoreEnableVersioning = resourcePolicy(
  {
    name: "gcp-healthcare-fhirstore-enable-versioning",
    description:
      "FHIR stores must keep resource versioning on and must not allow history modifications.",
    severity: "medium",
    controls: ["hipaa:164.312(c)(1)", "hipaa:164.312(b)"],
    remediationSteps:
      "Leave `disableResourceVersioning` and `enableHistoryModifications` unset or false on the gcp.healthcare.FhirStore.",
  },
  healthcare.FhirStore,
  (store, { report }) =>
    checkEach(report, [
      () =>
        store.disableResourceVersioning === true
          ? "disableResourceVersioning is true; expected false (the provider default)."
          : undefined,
      () =>
        store.enableHistoryModifications === true
          ? "enableHistoryModifications is true; expected false (the provider default)."
          : undefined,
    ]),
);
