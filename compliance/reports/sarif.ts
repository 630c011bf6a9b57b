/**
 * SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps): one rule per policy with its help text and control
 * ids, one result per finding located at the file and line where the resource is declared, the stable fingerprint
 * as a partial fingerprint, suppressions as SARIF suppressions (accepted, with justification, owner and expiry),
 * and indeterminate checks as `review` results so that "could not decide" is never read as "passed".
 */
import type { Report, ReportViolation } from "../report";

export const sarifSchemaUri =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** The fingerprint's name in `partialFingerprints`; bump the suffix if its definition ever changes. */
export const fingerprintKey = "mediconnectPolicyUrn/v1";

/** GitHub's `security-severity` scale (0-10): critical >= 9, high 7-8.9, medium 4-6.9, low < 4. */
const securitySeverity: Record<string, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
};

/** Used when a finding has no source location (the stack itself, or an event log): the project file. */
const projectFile = "Pulumi.yaml";

function level(enforcementLevel: string): "error" | "warning" | "note" {
  return enforcementLevel === "mandatory" || enforcementLevel === "remediate"
    ? "error"
    : enforcementLevel === "advisory"
      ? "warning"
      : "note";
}

function location(report: Report, urn: string, loc: ReportViolation["location"], name: string) {
  return {
    physicalLocation: {
      artifactLocation: { uri: loc?.file ?? projectFile, uriBaseId: "%SRCROOT%" },
      region: loc
        ? { startLine: loc.line, startColumn: Math.max(1, loc.column) }
        : { startLine: 1 },
    },
    logicalLocations: [{ name, fullyQualifiedName: urn, kind: "resource" }],
    ...(loc
      ? {}
      : { message: { text: `No declaration site known for ${urn} in stack ${report.stack}.` } }),
  };
}

export function renderSarif(report: Report): string {
  const ruleIndex = new Map(report.policies.map((p, i) => [`${p.policyPack}\n${p.name}`, i]));
  const indexOf = (pack: string, name: string) =>
    ruleIndex.get(`${pack}\n${name}`) ?? report.policies.findIndex((p) => p.name === name);
  const rules = report.policies.map((p) => ({
    id: p.name,
    shortDescription: { text: p.description },
    fullDescription: { text: `${p.description} Controls: ${p.frameworks.join(", ") || "none"}.` },
    help: {
      text: `${p.remediationSteps || p.description}${p.url ? `\n\nReference: ${p.url}` : ""}`,
      markdown: `**Remediation.** ${p.remediationSteps || p.description}\n\n**Controls:** ${
        p.frameworks.map((f) => `\`${f}\``).join(", ") || "none"
      }${p.url ? `\n\n[Reference](${p.url})` : ""}`,
    },
    ...(p.url ? { helpUri: p.url } : {}),
    defaultConfiguration: {
      level: level(p.enforcementLevel),
      enabled: p.enforcementLevel !== "disabled",
    },
    properties: {
      tags: ["security", "compliance", ...p.frameworks],
      ...(securitySeverity[p.severity]
        ? { "security-severity": securitySeverity[p.severity] }
        : {}),
      policyPack: p.policyPack,
      kind: p.kind,
      enforcementLevel: p.enforcementLevel,
      severity: p.severity,
    },
  }));
  const finding = (v: ReportViolation) => {
    const idx = indexOf(v.policyPack, v.policyName);
    return {
      ruleId: v.policyName,
      ...(idx >= 0 ? { ruleIndex: idx } : {}),
      kind: "fail",
      level: v.suppression ? "warning" : level(v.enforcementLevel),
      message: { text: `${v.resourceType} ${v.resourceName}: ${v.message}` },
      locations: [location(report, v.urn, v.location, v.resourceName)],
      partialFingerprints: { [fingerprintKey]: v.fingerprint },
      ...(v.baselineState ? { baselineState: v.baselineState } : {}),
      ...(v.suppression
        ? {
            suppressions: [
              {
                kind: "external",
                status: "accepted",
                justification: v.suppression.reason,
                properties: { owner: v.suppression.owner, expires: v.suppression.until },
              },
            ],
          }
        : {}),
      properties: {
        stack: report.stack,
        urn: v.urn,
        cloud: v.cloud,
        enforcementLevel: v.enforcementLevel,
        severity: v.severity,
        frameworks: v.frameworks,
        evidence: v.evidence,
      },
    };
  };
  const resourceByUrn = new Map(report.resources.map((r) => [r.urn, r]));
  const indeterminate = report.indeterminate.map((d) => {
    const r = resourceByUrn.get(d.urn);
    const policy = report.policies.find((p) => p.name === d.policyName);
    const idx = policy ? indexOf(policy.policyPack, policy.name) : -1;
    return {
      ruleId: d.policyName,
      ...(idx >= 0 ? { ruleIndex: idx } : {}),
      kind: "review",
      level: "none",
      message: { text: `Indeterminate (could not decide): ${d.message}` },
      locations: [location(report, d.urn, r?.location ?? null, r?.name ?? d.urn)],
      properties: { stack: report.stack, urn: d.urn },
    };
  });
  const sarif = {
    $schema: sarifSchemaUri,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "mediconnect-policy-report",
            informationUri: "https://github.com/pulumi/pulumi-policy",
            semanticVersion: report.packs[0]?.version ?? "0.0.0",
            rules,
          },
        },
        automationDetails: { id: `${report.project}/${report.stack}/` },
        columnKind: "utf16CodeUnits",
        originalUriBaseIds: {
          "%SRCROOT%": { description: { text: "The Pulumi program's directory." } },
        },
        invocations: [{ executionSuccessful: true }],
        results: [
          ...report.violations.map(finding),
          ...report.suppressed.map(finding),
          ...indeterminate,
        ],
        properties: {
          stack: report.stack,
          project: report.project,
          source: report.source,
          summary: report.summary,
          packs: report.packs,
        },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
