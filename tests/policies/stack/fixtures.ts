/** Realistic resources for stack policy tests, with type tokens as the installed providers define them. */
import type { TestResource } from "../harness";

export function urnOf(type: string, name: string): string {
  return `urn:pulumi:test::test::${type}::${name}`;
}

/** A resource whose URN tests can refer to. */
export function resource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  propertyDependencies?: Record<string, string[]>,
): TestResource & { urn: string; name: string } {
  return {
    type,
    name,
    urn: urnOf(type, name),
    props,
    ...(propertyDependencies ? { propertyDependencies } : {}),
  };
}

export const phiLabels = {
  "data-classification": "phi",
  owner: "platform-team",
  "cost-center": "cc-clinical-platform",
  residency: "eu",
};

export const awsProvider = (tags: Record<string, string> = phiLabels, region = "eu-central-1") =>
  resource("pulumi:providers:aws", "mc-eu-aws", { region, defaultTags: { tags } });

export const gcpProvider = (labels: Record<string, string> = phiLabels, region = "europe-west3") =>
  resource("pulumi:providers:gcp", "mc-eu-gcp", {
    project: "mediconnect-prod-eu",
    region,
    defaultLabels: labels,
  });

export const azureProvider = (location = "germanywestcentral") =>
  resource("pulumi:providers:azure-native", "mc-eu-azure", { location });

export const account = "210987654321";
export const region = "eu-central-1";

export const kmsKey = (name = "phi-key", props: Record<string, unknown> = {}) => {
  const keyId = `1234abcd-12ab-34cd-56ef-${name
    .replace(/[^a-z0-9]/g, "")
    .padEnd(12, "0")
    .slice(0, 12)}`;
  return resource("aws:kms/key:Key", name, {
    keyId,
    arn: `arn:aws:kms:${region}:${account}:key/${keyId}`,
    enableKeyRotation: true,
    rotationPeriodInDays: 365,
    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
    ...props,
  });
};

export const s3Bucket = (name: string, props: Record<string, unknown> = {}) =>
  resource("aws:s3/bucket:Bucket", name, { bucket: name, arn: `arn:aws:s3:::${name}`, ...props });

export const lambdaFunction = (name: string, props: Record<string, unknown> = {}) =>
  resource("aws:lambda/function:Function", name, {
    name,
    arn: `arn:aws:lambda:${region}:${account}:function:${name}`,
    runtime: "nodejs20.x",
    region,
    ...props,
  });

/** Control suffixes as messages carry them. */
export const controls = {
  cmk: "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32; GDPR Art. 5(1)(f))",
  s3Kms: "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
  s3Private:
    "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(e)(1); HIPAA 164.312(e)(2)(ii); GDPR Art. 32)",
  trail:
    "(Control ID: HIPAA 164.312(b); HIPAA 164.308(a)(1)(ii)(D); HIPAA 164.312(c)(2); GDPR Art. 33)",
  gcpAudit: "(Control ID: HIPAA 164.312(b); HIPAA 164.308(a)(1)(ii)(D); GDPR Art. 33)",
  azureAudit:
    "(Control ID: HIPAA 164.312(b); HIPAA 164.308(a)(1)(ii)(D); HIPAA 164.308(a)(5)(ii)(C); GDPR Art. 33)",
  retention: "(Control ID: HIPAA 164.316(b)(2); HIPAA 164.312(b); GDPR Art. 33)",
  publicAccess:
    "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(e)(1); GDPR Art. 32; GDPR Art. 25)",
  residency: "(Control ID: GDPR Art. 44-46; GDPR Art. 32)",
  erasure: "(Control ID: GDPR Art. 17; GDPR Art. 5(1)(e))",
  labels: "(Control ID: GDPR Art. 30; GDPR Art. 5(1)(f))",
  kinesisConsumer: "(Control ID: HIPAA 164.312(c)(1); HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
  defaultDeny: "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(e)(1); GDPR Art. 32)",
} as const;
