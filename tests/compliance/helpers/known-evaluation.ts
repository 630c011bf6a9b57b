/**
 * A small, fully known evaluation (one stack, AWS and GCP resources, a failure, a pass, a suppressed finding, an
 * indeterminate check and not-applicable pairs) for the report format tests.
 */
import { buildReport, Report, ReportInput } from "../../../compliance/report";

export const stackUrn = "urn:pulumi:eu::clinic::pulumi:pulumi:Stack::clinic-eu";
export const keyUrn = "urn:pulumi:eu::clinic::mediconnect:aws:KmsKey$aws:kms/key:Key::phi-key";
export const bucketUrn = "urn:pulumi:eu::clinic::aws:s3/bucket:Bucket::site";
export const ringUrn = "urn:pulumi:eu::clinic::gcp:kms/keyRing:KeyRing::ring";

const pack = "mediconnect-hipaa-gdpr";

export const knownInput: ReportInput = {
  source: "offline-plan",
  stack: "eu",
  project: "clinic",
  packs: [{ name: pack, version: "0.1.0" }],
  policies: [
    {
      name: "aws-kms-key-enable-key-rotation",
      policyPack: pack,
      kind: "resource",
      enforcementLevel: "mandatory",
      severity: "high",
      frameworks: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
      description: "KMS keys must rotate their key material automatically.",
      remediationSteps: "Set enableKeyRotation: true.",
      url: "https://www.ecfr.gov/x",
    },
    {
      name: "aws-s3-bucket-disallow-public-acl",
      policyPack: pack,
      kind: "resource",
      enforcementLevel: "mandatory",
      severity: "critical",
      frameworks: ["hipaa:164.312(a)(1)", "gdpr:art32"],
      description: "S3 buckets must not set a public ACL inline.",
      remediationSteps: "Remove acl.",
      url: "",
    },
    {
      name: "stack-phi-store-enforce-cmk-rotation",
      policyPack: pack,
      kind: "stack",
      enforcementLevel: "mandatory",
      severity: "high",
      frameworks: ["hipaa:164.312(a)(2)(iv)"],
      description: "PHI stores use a rotating CMK.",
      remediationSteps: "Use a rotating key.",
      url: "",
    },
    {
      name: "gcp-kms-key-ring-configure-location",
      policyPack: pack,
      kind: "resource",
      enforcementLevel: "advisory",
      severity: "medium",
      frameworks: ["gdpr:art44-46"],
      description: "Key rings stay in the residency zone.",
      remediationSteps: "Move the ring.",
      url: "",
    },
  ],
  resources: [
    { urn: stackUrn, type: "pulumi:pulumi:Stack", name: "clinic-eu" },
    {
      urn: keyUrn,
      type: "aws:kms/key:Key",
      name: "phi-key",
      parent: stackUrn,
      inputs: { enableKeyRotation: false, description: "phi", deletionWindowInDays: 30 },
      location: { file: "components/kms.ts", line: 12, column: 17 },
    },
    {
      urn: bucketUrn,
      type: "aws:s3/bucket:Bucket",
      name: "site",
      parent: stackUrn,
      inputs: { acl: "public-read" },
      location: { file: "index.ts", line: 30, column: 14 },
    },
    { urn: ringUrn, type: "gcp:kms/keyRing:KeyRing", name: "ring", parent: stackUrn, inputs: {} },
  ],
  results: [
    {
      policyName: "aws-kms-key-enable-key-rotation",
      policyPack: pack,
      urn: keyUrn,
      status: "fail",
    },
    {
      policyName: "aws-kms-key-enable-key-rotation",
      policyPack: pack,
      urn: bucketUrn,
      status: "not-applicable",
      reason: "Policy only applies to resources of type 'aws:kms/key:Key'",
    },
    {
      policyName: "aws-kms-key-enable-key-rotation",
      policyPack: pack,
      urn: ringUrn,
      status: "not-applicable",
      reason: "Policy only applies to resources of type 'aws:kms/key:Key'",
    },
    {
      policyName: "aws-s3-bucket-disallow-public-acl",
      policyPack: pack,
      urn: bucketUrn,
      status: "suppressed",
    },
    {
      policyName: "aws-s3-bucket-disallow-public-acl",
      policyPack: pack,
      urn: keyUrn,
      status: "not-applicable",
      reason: "Policy only applies to resources of type 'aws:s3/bucket:Bucket'",
    },
    {
      policyName: "gcp-kms-key-ring-configure-location",
      policyPack: pack,
      urn: ringUrn,
      status: "indeterminate",
      reason: "can't run policy",
    },
    {
      policyName: "stack-phi-store-enforce-cmk-rotation",
      policyPack: pack,
      urn: stackUrn,
      status: "pass",
    },
  ],
  violations: [
    {
      policyName: "aws-kms-key-enable-key-rotation",
      policyPack: pack,
      policyPackVersion: "0.1.0",
      urn: keyUrn,
      enforcementLevel: "mandatory",
      severity: "high",
      message:
        "Key rotation is disabled; set enableKeyRotation: true. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
    },
  ],
  suppressed: [
    {
      policyName: "aws-s3-bucket-disallow-public-acl",
      policyPack: pack,
      policyPackVersion: "0.1.0",
      urn: bucketUrn,
      enforcementLevel: "advisory",
      severity: "critical",
      message:
        "[suppressed until 2999-12-31 by web-team: Public site, no PHI (WEB-7)] Bucket acl is public-read.",
    },
  ],
  indeterminate: [
    {
      policyName: "gcp-kms-key-ring-configure-location",
      urn: ringUrn,
      message: "string value at .location can't be known during preview",
    },
  ],
  evaluations: 7,
  configPlaceholders: ["clinic:apiKey"],
  unexpandedComponents: [],
};

export function knownReport(): Report {
  return buildReport(knownInput, new Date("2026-12-01T10:00:00.000Z"));
}
