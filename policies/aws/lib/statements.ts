/**
 * Findings over the Allow statements of an IAM-style policy document (identity policies, IoT policies): which
 * statements grant too much. Each function returns one message per offending statement.
 */
import type { ResourceValidationArgs } from "@pulumi/policy";
import { parsePolicyDocument, PolicyDocument, PolicyStatement } from "../../lib/iam";
import type { ResourceCheckContext } from "../../lib/define";
import { listOf } from "./format";

/**
 * The check shared by identity-policy resources (aws.iam.Policy, aws.iam.RolePolicy): parse `policy`, and report
 * a document that cannot be read or each statement `find` flags.
 */
export function grantsCheck(
  find: (document: PolicyDocument, args: ResourceValidationArgs) => string[],
) {
  return (resource: { policy?: unknown }, { args, report }: ResourceCheckContext): void => {
    const document = parsePolicyDocument(resource.policy);
    if (document === undefined) {
      report("The policy document is not valid JSON, so its grants cannot be verified.");
      return;
    }
    for (const finding of find(document, args)) {
      report(finding);
    }
  };
}

interface Grant {
  readonly label: string;
  readonly actions: string[];
  readonly resources: string[];
  /** NotAction grants every action except those listed. */
  readonly notAction: boolean;
  /** NotResource grants every resource except those listed. */
  readonly notResource: boolean;
}

function grants(document: PolicyDocument): Grant[] {
  return document.Statement.flatMap(
    (s: PolicyStatement & { NotAction?: unknown; NotResource?: unknown }, i) =>
      s.Effect === "Allow"
        ? [
            {
              label: s.Sid ?? `#${i + 1}`,
              actions: listOf(s.Action),
              resources: listOf(s.Resource),
              notAction: s.NotAction !== undefined,
              notResource: s.NotResource !== undefined,
            },
          ]
        : [],
  );
}

const anyResource = (g: Grant) => g.notResource || g.resources.includes("*");

/** Statements allowing every action (`*` or NotAction) on every resource. */
export function adminStatements(document: PolicyDocument): string[] {
  return grants(document)
    .filter((g) => (g.notAction || g.actions.includes("*")) && anyResource(g))
    .map(
      (g) =>
        `Statement ${g.label} allows Action "${g.notAction ? "NotAction" : "*"}" on Resource "*" (administrator access).`,
    );
}

/** Statements allowing `<service>:*` on any resource, or any action of the service on Resource `*`. */
export function serviceWildcardStatements(
  document: PolicyDocument,
  services: readonly string[],
): string[] {
  const wanted = services.map((s) => s.toLowerCase());
  return grants(document).flatMap((g) => {
    const matched = g.actions.filter((a) => wanted.includes(a.toLowerCase().split(":")[0]));
    const serviceWide = matched.filter((a) => a.endsWith(":*"));
    if (serviceWide.length > 0 && anyResource(g)) {
      return [
        `Statement ${g.label} allows ${serviceWide.map((a) => `"${a}"`).join(", ")} on Resource "*".`,
      ];
    }
    return [];
  });
}

/** Chime SDK: `chime:*` on anything, or any chime action on Resource `*` (meetings must be scoped by ARN). */
export function chimeWildcardStatements(document: PolicyDocument): string[] {
  return grants(document).flatMap((g) => {
    const chime = g.actions.filter((a) => a.toLowerCase().startsWith("chime:"));
    const wildcardActions = chime.filter((a) => a === "chime:*");
    if (wildcardActions.length > 0) {
      return [`Statement ${g.label} allows "chime:*"; grant the named meeting actions only.`];
    }
    if (chime.length > 0 && anyResource(g)) {
      return [
        `Statement ${g.label} allows ${chime.map((a) => `"${a}"`).join(", ")} on Resource "*"; scope them to meeting ARNs.`,
      ];
    }
    return [];
  });
}

/** Services whose data is PHI or protects it; a service-wide wildcard on Resource "*" is refused for them. */
export { phiServices } from "../../catalog/phi-services";
