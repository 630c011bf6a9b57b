import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { resourcePolicy } from "../../lib/define";

const harmCategories = ["Hate", "Sexual", "Violence", "Selfharm"];
const promptShields = ["Jailbreak", "Indirect Attack"];

const key = (name: unknown) =>
  String(name ?? "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");

/**
 * Patients and clinicians type free text into the assistant; harm filters on prompts and completions and prompt
 * shields against jailbreaks and indirect (document) attacks keep a manipulated model from leaking PHI or
 * producing harmful output, and asynchronous filtering would show text before it is checked.
 * @severity medium
 * @controls gdpr:art25, gdpr:art32
 */
export const azureCognitiveServicesRaiPolicyEnableContentFilters = resourcePolicy(
  {
    name: "azure-cognitiveservices-raipolicy-enable-content-filters",
    description:
      "RAI policies must block Hate, Sexual, Violence and Selfharm on prompts and completions, enable the Jailbreak and Indirect Attack shields, and filter synchronously.",
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: ["gdpr:art25", "gdpr:art32"],
    remediationSteps:
      'In `properties.contentFilters` of the cognitiveservices.RaiPolicy add `{ name, source, enabled: true, blocking: true }` for each harm category with source "Prompt" and "Completion", and for "Jailbreak" and "Indirect Attack" with source "Prompt"; leave `properties.mode` at "Default" or "Blocking".',
  },
  cognitiveservices.RaiPolicy,
  (rai, { report }) => {
    const filters = rai.properties?.contentFilters ?? [];
    const blocks = (name: string, source: string) =>
      filters.some(
        (f) =>
          key(f.name) === key(name) &&
          f.source === source &&
          f.enabled === true &&
          f.blocking === true,
      );
    const missing = [
      ...harmCategories.flatMap((c) =>
        ["Prompt", "Completion"].filter((s) => !blocks(c, s)).map((s) => `${c}/${s}`),
      ),
      ...promptShields.filter((c) => !blocks(c, "Prompt")).map((c) => `${c}/Prompt`),
    ];
    if (missing.length > 0) {
      report(`contentFilters do not enable and block ${missing.join(", ")}.`);
    }
    const mode = rai.properties?.mode;
    if (mode === "Asynchronous_filter" || mode === "Deferred") {
      report(
        `mode is "${mode}", which returns content before it is filtered; use "Default" or "Blocking".`,
      );
    }
  },
);
