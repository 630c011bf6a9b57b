/**
 * Builds policy objects from a compact spec. Everything the engine shows (framework, tags, severity, remediation,
 * url) is derived from the control catalog, and every violation message ends with its control ids.
 */
import {
  EnforcementLevel,
  PolicyConfigSchema,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  Severity,
  StackValidationArgs,
  StackValidationPolicy,
  validateResourceOfType,
} from "@pulumi/policy";
import type { Resource, Unwrap } from "@pulumi/pulumi";
import { Control, control, controlLabel, frameworks } from "../catalog/controls";
import {
  findSuppression,
  maxSuppressionDaysSchema,
  suppressedMessage,
  suppressionsSchema,
} from "./suppressions";
import { propertyReadCount } from "../stack/lib/resources";

export interface PolicySpec {
  /** `<cloud>-<service>-<resource>-<verb>-<what>`, the verbs being missing, disallow, enable, disable, configure, enforce. */
  readonly name: string;
  readonly description: string;
  readonly severity: Severity;
  /** Control ids from the catalog; the first is the policy's framework, all of them become tags. */
  readonly controls: readonly [string, ...string[]];
  readonly remediationSteps: string;
  /** @default "mandatory" for high and critical severity, "advisory" otherwise */
  readonly enforcementLevel?: EnforcementLevel;
  readonly configSchema?: PolicyConfigSchema;
}

/** Reports one finding; the control ids are appended to the message. */
export type Report = (message: string) => void;

export interface ResourceCheckContext {
  readonly args: ResourceValidationArgs;
  readonly report: Report;
}

export interface StackCheckContext {
  readonly args: StackValidationArgs;
  /** Reports a finding on the resource with the given URN (or on the stack when omitted). */
  readonly report: (message: string, urn?: string) => void;
}

export function controlsOf(spec: PolicySpec): Control[] {
  return spec.controls.map(control);
}

function metadata(spec: PolicySpec) {
  const mapped = controlsOf(spec);
  const primary = mapped[0];
  const framework = frameworks[primary.framework];
  const suffix = ` (Control ID: ${mapped.map(controlLabel).join("; ")})`;
  return {
    suffix,
    policy: {
      name: spec.name,
      description: spec.description,
      severity: spec.severity,
      enforcementLevel:
        spec.enforcementLevel ??
        (spec.severity === "high" || spec.severity === "critical" ? "mandatory" : "advisory"),
      framework: {
        name: framework.name,
        version: framework.version,
        reference: framework.reference,
        specification: primary.citation,
      },
      tags: mapped.map((c) => c.id),
      remediationSteps: spec.remediationSteps,
      url: primary.url,
      // Every policy accepts suppressions; its own settings sit beside them.
      configSchema: {
        ...spec.configSchema,
        properties: {
          ...spec.configSchema?.properties,
          suppressions: suppressionsSchema,
          maxSuppressionDays: maxSuppressionDaysSchema,
        },
      } as PolicyConfigSchema,
    },
  };
}

/**
 * Reports a finding unless a valid suppression covers the resource: then it is reported as advisory and marked, so
 * it stays visible. An invalid suppression suppresses nothing and is reported itself.
 */
function reporter(
  policyName: string,
  getConfig: () => Record<string, unknown>,
  reportViolation: ReportViolation,
  suffix: string,
): (message: string, urn: string, name: string) => void {
  return (message, urn, name) => {
    const full = message + suffix;
    const match = findSuppression(getConfig(), urn, name);
    if (!match) {
      reportViolation(full, urn || undefined);
    } else if (match.problem === undefined) {
      (reportViolation as unknown as (v: object) => void)({
        message: suppressedMessage(match.suppression, full),
        enforcementLevel: "advisory",
        ...(urn ? { urn } : {}),
      });
    } else {
      reportViolation(full, urn || undefined);
      reportViolation(
        `The suppression of ${policyName} for ${JSON.stringify(match.suppression.resource)} cannot be honoured: ${match.problem}. ` +
          "Give it a reason of at least 10 characters, an owner and a future expiry (YYYY-MM-DD), or remove it." +
          suffix,
        urn || undefined,
      );
    }
  };
}

function nameOf(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

/** A policy on one resource type: `check` runs only for resources of `resourceClass`. */
export function resourcePolicy<TResource extends Resource, TArgs>(
  spec: PolicySpec,
  // The same constructor shape @pulumi/policy's validateResourceOfType takes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resourceClass: { new (name: string, args: TArgs, ...rest: any[]): TResource },
  check: (props: Unwrap<NonNullable<TArgs>>, ctx: ResourceCheckContext) => void,
): ResourceValidationPolicy {
  const { suffix, policy } = metadata(spec);
  return {
    ...policy,
    validateResource: validateResourceOfType(
      resourceClass,
      (props, args, reportViolation: ReportViolation) => {
        const report = reporter(spec.name, () => args.getConfig(), reportViolation, suffix);
        check(props as Unwrap<NonNullable<TArgs>>, {
          args,
          report: (message) => report(message, args.urn, args.name),
        });
      },
    ),
  };
}

/** A policy over the whole stack (outputs, parents and dependencies resolved). */
export function stackPolicy(
  spec: PolicySpec,
  check: (ctx: StackCheckContext) => void,
): StackValidationPolicy {
  const { suffix, policy } = metadata(spec);
  return {
    ...policy,
    validateStack: (args, reportViolation) => {
      const report = reporter(spec.name, () => args.getConfig(), reportViolation, suffix);
      const readsBefore = propertyReadCount();
      let reported = false;
      check({
        args,
        report: (message, urn) => {
          reported = true;
          report(message, urn ?? "", urn ? nameOf(urn) : "");
        },
      });
      // A stack policy that examined no resource found nothing to check: not applicable, never a vacuous pass.
      if (!reported && propertyReadCount() === readsBefore) {
        args.notApplicable("No resource this policy checks is in the stack.");
      }
    },
  };
}
