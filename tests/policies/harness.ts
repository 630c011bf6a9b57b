/**
 * Runs one policy on resources the way @pulumi/policy's analyzer does (type filter, properties deserialized from a
 * protobuf Struct and wrapped in the unknown-checking proxy, UnknownValueError turned into "indeterminate",
 * notApplicable honoured), with the policy configuration a test chooses. Use `unknown` for a value that is not
 * known during preview.
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type {
  ResourceValidationPolicy,
  StackValidationPolicy,
  PolicyResource,
  ResourceValidationArgs,
} from "@pulumi/policy";

/* eslint-disable @typescript-eslint/no-require-imports */
const { deserializeProperties } = require("@pulumi/policy/deserialize");
const { unknownCheckingProxy, UnknownValueError } = require("@pulumi/policy/proxy");
const { getPulumiType } = require("@pulumi/policy/policy");
/* eslint-enable @typescript-eslint/no-require-imports */

/** The wire value the engine sends for an output that is not known yet. */
export const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface Outcome {
  /** Violation messages (the part after the policy description). */
  readonly violations: string[];
  /** The reason, when the policy did not apply. */
  readonly notApplicable?: string;
  /** True when the policy read a value that is unknown. */
  readonly indeterminate: boolean;
  /** Findings a valid suppression turned advisory (only present when there are some). */
  readonly suppressed?: string[];
}

/** Collects what a policy reports: plain findings, and findings a suppression marked (object form). */
function collector() {
  const violations: string[] = [];
  const suppressed: string[] = [];
  const reported: { urn: string; message: string }[] = [];
  const report = (message: unknown, urn?: string) => {
    const text =
      typeof message === "object" && message !== null
        ? String((message as { message: string }).message)
        : String(message);
    const at =
      typeof message === "object" && message !== null
        ? ((message as { urn?: string }).urn ?? "")
        : (urn ?? "");
    if (text.startsWith("[suppressed")) {
      suppressed.push(text);
    } else {
      violations.push(text);
      reported.push({ urn: at, message: text });
    }
  };
  const extra = () => (suppressed.length > 0 ? { suppressed } : {});
  return { violations, reported, report, extra };
}

/** As the analyzer decides it: the class's Pulumi type token equals the resource's type. */
function isTypeOf(type: string, cls: unknown): boolean {
  const pulumiType = getPulumiType(cls);
  return pulumiType !== undefined && pulumiType === type;
}

class NotApplicable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function toProps(props: Record<string, unknown>): any {
  return unknownCheckingProxy(deserializeProperties(Struct.fromJavaScript(props as any), false));
}

function urnOf(type: string, name: string): string {
  return `urn:pulumi:test::test::${type}::${name}`;
}

export interface TestResource {
  readonly type: string;
  readonly props: Record<string, unknown>;
  readonly name?: string;
  readonly urn?: string;
  readonly parent?: string;
  readonly dependencies?: string[];
  readonly propertyDependencies?: Record<string, string[]>;
  readonly provider?: { type: string; props: Record<string, unknown> };
}

export async function checkResource(
  policy: ResourceValidationPolicy,
  resource: TestResource,
  config: Record<string, unknown> = {},
): Promise<Outcome> {
  const validations = Array.isArray(policy.validateResource)
    ? policy.validateResource
    : [policy.validateResource!];
  if (!Array.isArray(policy.validateResource)) {
    const pulumiType = getPulumiType(policy.validateResource);
    if (pulumiType && pulumiType !== resource.type) {
      return {
        violations: [],
        notApplicable: `Policy only applies to resources of type '${pulumiType}'`,
        indeterminate: false,
      };
    }
  }
  const { violations, report, extra } = collector();
  let indeterminate = false;
  const name = resource.name ?? "subject";
  for (const validate of validations) {
    const props = toProps(resource.props);
    const args = {
      type: resource.type,
      props,
      urn: resource.urn ?? urnOf(resource.type, name),
      name,
      opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] },
      stackTags: new Map(),
      provider: resource.provider
        ? {
            type: resource.provider.type,
            props: toProps(resource.provider.props),
            urn: urnOf(resource.provider.type, "p"),
            name: "p",
          }
        : undefined,
      isType: (cls: unknown) => isTypeOf(resource.type, cls),
      asType: (cls: unknown) => (isTypeOf(resource.type, cls) ? props : undefined),
      getConfig: () => config,
      notApplicable: (reason?: string) => {
        throw new NotApplicable(reason ?? "");
      },
    } as unknown as ResourceValidationArgs;
    try {
      await Promise.resolve(validate(args, report as never));
    } catch (err) {
      if (err instanceof UnknownValueError) {
        indeterminate = true;
      } else if (err instanceof NotApplicable) {
        return { violations, notApplicable: err.reason, indeterminate, ...extra() };
      } else {
        throw err;
      }
    }
  }
  return { violations, indeterminate, ...extra() };
}

export interface StackOutcome extends Outcome {
  /** Violations with the URN each was reported on ("" for the stack). */
  readonly byUrn: { urn: string; message: string }[];
}

export async function checkStack(
  policy: StackValidationPolicy,
  resources: readonly TestResource[],
  config: Record<string, unknown> = {},
): Promise<StackOutcome> {
  const built = resources.map((r, i) => {
    const name = r.name ?? `r${i}`;
    const props = toProps(r.props);
    return {
      source: r,
      resource: {
        type: r.type,
        props,
        urn: r.urn ?? urnOf(r.type, name),
        name,
        opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] },
        dependencies: [] as PolicyResource[],
        propertyDependencies: {} as Record<string, PolicyResource[]>,
        isType: (cls: unknown) => isTypeOf(r.type, cls),
        asType: (cls: unknown) => (isTypeOf(r.type, cls) ? props : undefined),
      } as unknown as PolicyResource & { parent?: PolicyResource },
    };
  });
  const byUrn = new Map(built.map((b) => [b.resource.urn, b.resource]));
  for (const b of built) {
    if (b.source.parent) {
      (b.resource as { parent?: PolicyResource }).parent = byUrn.get(b.source.parent);
    }
    (b.resource as { dependencies: PolicyResource[] }).dependencies = (b.source.dependencies ?? [])
      .map((u) => byUrn.get(u))
      .filter((x): x is PolicyResource => x !== undefined);
    for (const [k, urns] of Object.entries(b.source.propertyDependencies ?? {})) {
      b.resource.propertyDependencies[k] = urns
        .map((u) => byUrn.get(u))
        .filter((x): x is PolicyResource => x !== undefined);
    }
  }
  const { violations, reported, report, extra } = collector();
  let indeterminate = false;
  try {
    await Promise.resolve(
      policy.validateStack(
        {
          resources: built.map((b) => b.resource),
          getConfig: () => config,
          stackTags: new Map(),
          notApplicable: (reason?: string) => {
            throw new NotApplicable(reason ?? "");
          },
        } as any,
        report as never,
      ),
    );
  } catch (err) {
    if (err instanceof UnknownValueError) {
      indeterminate = true;
    } else if (err instanceof NotApplicable) {
      return { violations: [], byUrn: [], notApplicable: err.reason, indeterminate };
    } else {
      throw err;
    }
  }
  return { violations, byUrn: reported, indeterminate, ...extra() };
}
