/**
 * The control catalog: every HIPAA Security Rule section and GDPR article the pack maps to. Policies name controls
 * by id; their framework, tags, messages, POLICIES.md and the coverage table are all derived from here.
 */
import { sixYearsInDays } from "./retention";

export type FrameworkId = "hipaa" | "gdpr";

export interface Control {
  /** Stable id used in tags, e.g. `hipaa:164.312(a)(2)(iv)` or `gdpr:art32`. */
  readonly id: string;
  readonly framework: FrameworkId;
  /** The citation as written in the regulation, e.g. `164.312(a)(2)(iv)` or `Art. 32`. */
  readonly citation: string;
  readonly title: string;
  /** What the pack checks in code for this control. */
  readonly checks: string;
  /** What a pack cannot check in code and stays with people and process. */
  readonly notAutomatable: readonly string[];
  readonly url: string;
}

export const frameworks: Readonly<
  Record<FrameworkId, { name: string; version: string; reference: string }>
> = {
  hipaa: {
    name: "HIPAA Security Rule",
    version: "45 CFR Part 164 Subpart C",
    reference: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C",
  },
  gdpr: {
    name: "GDPR",
    version: "Regulation (EU) 2016/679",
    reference: "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
  },
};

const ecfr = (section: string) =>
  `https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-${section}`;
const gdprArt = (n: number) => `https://gdpr-info.eu/art-${n}-gdpr/`;

const hipaa = (
  citation: string,
  title: string,
  checks: string,
  notAutomatable: string[],
): Control => ({
  id: `hipaa:${citation}`,
  framework: "hipaa",
  citation,
  title,
  checks,
  notAutomatable,
  url: ecfr(citation.slice(0, 7)),
});

const gdpr = (
  key: string,
  citation: string,
  article: number,
  title: string,
  checks: string,
  notAutomatable: string[],
): Control => ({
  id: `gdpr:${key}`,
  framework: "gdpr",
  citation,
  title,
  checks,
  notAutomatable,
  url: gdprArt(article),
});

export const controls: readonly Control[] = [
  hipaa(
    "164.308(a)(1)(ii)(D)",
    "Information system activity review",
    "Audit trails, alarms and log delivery exist so activity can be reviewed (CloudTrail to CloudWatch Logs, metric alarms, diagnostic settings).",
    ["That someone actually reviews the logs on a schedule", "Incident tracking reports"],
  ),
  hipaa(
    "164.308(a)(5)(ii)(C)",
    "Log-in monitoring",
    "Sign-in events are recorded and risky sign-ins are acted on (Cognito advanced security enforced, Entra and Key Vault audit logs).",
    ["Procedures for reporting discrepancies", "Workforce training on log-in monitoring"],
  ),
  hipaa(
    "164.308(a)(7)",
    "Contingency plan",
    "Data stores have point-in-time recovery, versioning, backups, deletion and drop protection.",
    [
      "Disaster recovery and emergency mode operation plans",
      "Testing and revision of the plan",
      "Criticality analysis",
    ],
  ),
  hipaa(
    "164.312(a)(1)",
    "Access control",
    "No public endpoints or public principals on PHI resources; least-privilege IAM; private networking; authorizers on every API route.",
    ["Role definitions match job functions", "Periodic access reviews"],
  ),
  hipaa(
    "164.312(a)(2)(i)",
    "Unique user identification",
    "Identity pools without unauthenticated identities; local or shared-key authentication disabled where an identity provider exists.",
    ["One account per person in the identity provider", "Joiner-mover-leaver process"],
  ),
  hipaa(
    "164.312(a)(2)(iii)",
    "Automatic logoff",
    "Short token and session lifetimes on identity providers and app clients.",
    ["Workstation screen locks", "Clinical application idle timeouts"],
  ),
  hipaa(
    "164.312(a)(2)(iv)",
    "Encryption and decryption",
    "Encryption at rest with customer-managed keys that rotate, on every PHI store, stream, queue, topic, log and key.",
    ["Encryption of endpoints and removable media", "Key custody procedures"],
  ),
  hipaa(
    "164.312(b)",
    "Audit controls",
    "Audit logging on: CloudTrail with data events, GCP data-access audit configs, Azure diagnostic settings, API access logs, flow logs.",
    [
      "Review of audit records",
      "Protection of logs against insiders beyond what object lock and retention give",
    ],
  ),
  hipaa(
    "164.312(c)(1)",
    "Integrity",
    "Log file validation, versioning and object lock, deletion protection on stores whose loss would alter PHI.",
    ["Application-level integrity checks of clinical data"],
  ),
  hipaa(
    "164.312(c)(2)",
    "Mechanism to authenticate electronic PHI",
    "Digest validation of audit logs (CloudTrail log file validation) and signed images or binaries where the resource supports it.",
    ["Checksums or signatures inside application data"],
  ),
  hipaa(
    "164.312(d)",
    "Person or entity authentication",
    "MFA required, strong password policies, JWT or Entra ID authentication on APIs and FHIR, no local keys.",
    ["Identity proofing of new users"],
  ),
  hipaa(
    "164.312(e)(1)",
    "Transmission security",
    "Private endpoints and networks for PHI services, no public network access, TLS-only policies.",
    ["Transmission security of email and fax", "Networks outside the cloud accounts"],
  ),
  hipaa(
    "164.312(e)(2)(ii)",
    "Encryption in transit",
    "TLS 1.2 minimum, HTTPS-only, TLS-only bucket policies, encrypted cluster traffic.",
    ["Client configuration of TLS outside the platform"],
  ),
  hipaa(
    "164.316(b)(2)",
    "Documentation retention (six years)",
    `Audit and log retention of at least six years (${sixYearsInDays} days in CloudWatch, 6*365 days in GCP log buckets, Log Analytics with archive).`,
    ["Retention of policies and procedures documents"],
  ),
  gdpr(
    "art5-1-e",
    "Art. 5(1)(e)",
    5,
    "Storage limitation",
    "Bounded retention on streams, time travel, version retention, TTLs and FHIR history, so personal data is not kept longer than configured.",
    [
      "Retention schedules per processing purpose",
      "Deletion of data in backups held outside the platform",
    ],
  ),
  gdpr(
    "art5-1-f",
    "Art. 5(1)(f)",
    5,
    "Integrity and confidentiality",
    "Encryption at rest and in transit, access control and private networking on every personal-data store.",
    ["Organisational confidentiality measures"],
  ),
  gdpr(
    "art17",
    "Art. 17",
    17,
    "Right to erasure",
    "Every store can complete an erasure within the configured window: bounded Kinesis retention, BigQuery time travel, Spanner version retention, FHIR versioning that can be purged.",
    ["The erasure request workflow and its verification", "Erasure in third-party processors"],
  ),
  gdpr(
    "art25",
    "Art. 25",
    25,
    "Data protection by design and by default",
    "Secure defaults: private by default, minimum data in logs (no data traces of bodies), pseudonymous identifiers.",
    ["Data minimisation in application design", "Privacy impact of new features"],
  ),
  gdpr(
    "art30",
    "Art. 30",
    30,
    "Records of processing activities",
    "Every resource carries data-classification, owner and cost-center labels so the inventory of processing can be generated.",
    ["The written record of processing itself", "Purposes and legal bases"],
  ),
  gdpr(
    "art32",
    "Art. 32",
    32,
    "Security of processing",
    "Encryption, resilience (backups, recovery), access control, audit logging and regular testing hooks.",
    ["Regular testing and evaluation of measures", "Staff confidentiality"],
  ),
  gdpr(
    "art33",
    "Art. 33",
    33,
    "Breach notification readiness",
    "Audit logging and alarms that would reveal a breach, retained long enough to investigate it.",
    ["The 72-hour notification process", "Breach register"],
  ),
  gdpr(
    "art44-46",
    "Art. 44-46",
    44,
    "Transfers to third countries (data residency)",
    "In a stack with residency eu, every provider and located resource is in an EU region, including Chime media regions, OpenAI data zones and multi-regions.",
    ["Transfers by processors and sub-processors", "Standard contractual clauses"],
  ),
];

const byId = new Map(controls.map((c) => [c.id, c]));

export function control(id: string): Control {
  const found = byId.get(id);
  if (!found) {
    throw new Error(
      `Unknown control id "${id}"; expected one of ${controls.map((c) => c.id).join(", ")}`,
    );
  }
  return found;
}

/** How a control is written inside a violation message, as cdk-nag does: "(Control ID: 164.312(b))". */
export function controlLabel(c: Control): string {
  return c.framework === "hipaa" ? `HIPAA ${c.citation}` : `GDPR ${c.citation}`;
}
