/**
 * Plausible results for the data-source functions programs commonly call, so a program runs offline without
 * credentials. Region, account, project and tenant come from the provider the call names (or the stack config).
 * Any other function fails with its token, so a missing mock is never silently `{}`.
 */
import { PlanError } from "./errors";

export interface InvokeContext {
  /** Inputs of the provider the call names, or of the stack's provider configuration. */
  readonly provider: Record<string, unknown>;
  readonly config: Readonly<Record<string, string>>;
}

type InvokeMock = (args: Record<string, any>, ctx: InvokeContext) => Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function awsRegion(ctx: InvokeContext): string {
  return str(ctx.provider["region"]) ?? ctx.config["aws:region"] ?? "us-east-1";
}

function awsAccount(ctx: InvokeContext): string {
  const allowed = ctx.provider["allowedAccountIds"];
  const fromProvider = Array.isArray(allowed) ? str(allowed[0]) : undefined;
  return fromProvider ?? "123456789012";
}

function asList(v: unknown): string[] {
  return v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string];
}

/** aws.iam.getPolicyDocument builds real JSON, since policies read the documents programs build with it. */
function policyDocument(args: Record<string, any>): Record<string, unknown> {
  const statements = ((args["statements"] ?? []) as Record<string, any>[]).map((s) => {
    const out: Record<string, unknown> = { Effect: s["effect"] ?? "Allow" };
    if (s["sid"]) {
      out["Sid"] = s["sid"];
    }
    for (const [from, to] of [
      ["actions", "Action"],
      ["notActions", "NotAction"],
      ["resources", "Resource"],
      ["notResources", "NotResource"],
    ] as const) {
      if (s[from] !== undefined) {
        const list = asList(s[from]);
        out[to] = list.length === 1 ? list[0] : list;
      }
    }
    for (const [from, to] of [
      ["principals", "Principal"],
      ["notPrincipals", "NotPrincipal"],
    ] as const) {
      if (s[from] !== undefined) {
        const principal: Record<string, unknown> = {};
        for (const p of s[from] as { type: string; identifiers: string[] }[]) {
          if (p.type === "*") {
            out[to] = "*";
            continue;
          }
          principal[p.type] = p.identifiers.length === 1 ? p.identifiers[0] : p.identifiers;
        }
        if (out[to] === undefined) {
          out[to] = principal;
        }
      }
    }
    if (s["conditions"] !== undefined) {
      const condition: Record<string, Record<string, unknown>> = {};
      for (const c of s["conditions"] as { test: string; variable: string; values: string[] }[]) {
        condition[c.test] = {
          ...condition[c.test],
          [c.variable]: c.values.length === 1 ? c.values[0] : c.values,
        };
      }
      out["Condition"] = condition;
    }
    return out;
  });
  const json = JSON.stringify({ Version: args["version"] ?? "2012-10-17", Statement: statements });
  return { id: "policy-document", json, minifiedJson: json };
}

export const invokeMocks: Readonly<Record<string, InvokeMock>> = {
  "aws:index/getCallerIdentity:getCallerIdentity": (_a, ctx) => ({
    id: awsAccount(ctx),
    accountId: awsAccount(ctx),
    arn: `arn:aws:iam::${awsAccount(ctx)}:role/offline-plan`,
    userId: "AROAOFFLINEPLAN:offline",
  }),
  "aws:index/getRegion:getRegion": (_a, ctx) => ({
    id: awsRegion(ctx),
    name: awsRegion(ctx),
    region: awsRegion(ctx),
    endpoint: `ec2.${awsRegion(ctx)}.amazonaws.com`,
    description: awsRegion(ctx),
  }),
  "aws:index/getPartition:getPartition": () => ({
    id: "aws",
    partition: "aws",
    dnsSuffix: "amazonaws.com",
    reverseDnsPrefix: "com.amazonaws",
  }),
  "aws:index/getAvailabilityZones:getAvailabilityZones": (_a, ctx) => {
    const region = awsRegion(ctx);
    return {
      id: region,
      names: ["a", "b", "c"].map((z) => `${region}${z}`),
      zoneIds: [1, 2, 3].map((n) => `${region.replace(/-/g, "").slice(0, 4)}-az${n}`),
      groupNames: [region],
      state: "available",
    };
  },
  "aws:iam/getPolicyDocument:getPolicyDocument": (args) => policyDocument(args),
  "gcp:organizations/getClientConfig:getClientConfig": (_a, ctx) => ({
    id: "offline",
    project: str(ctx.provider["project"]) ?? ctx.config["gcp:project"] ?? "offline-project",
    region: str(ctx.provider["region"]) ?? ctx.config["gcp:region"] ?? "us-central1",
    zone: str(ctx.provider["zone"]) ?? "",
    accessToken: "offline-plan-token",
  }),
  "gcp:organizations/getProject:getProject": (args, ctx) => {
    const project = str(args["projectId"]) ?? str(ctx.provider["project"]) ?? "offline-project";
    return {
      id: `projects/${project}`,
      projectId: project,
      name: project,
      number: "100000000001",
      labels: {},
    };
  },
  "gcp:compute/getZones:getZones": (args, ctx) => {
    const region = str(args["region"]) ?? str(ctx.provider["region"]) ?? "us-central1";
    return {
      id: region,
      names: ["a", "b", "c"].map((z) => `${region}-${z}`),
      region,
      status: "UP",
    };
  },
  "azure-native:authorization:getClientConfig": (_a, ctx) => ({
    clientId: "00000000-0000-4000-8000-00000000c11e",
    objectId: "00000000-0000-4000-8000-0000000000b1",
    subscriptionId: str(ctx.provider["subscriptionId"]) ?? "00000000-0000-4000-8000-000000000000",
    tenantId: str(ctx.provider["tenantId"]) ?? "00000000-0000-4000-8000-000000000000",
  }),
};

export function mockInvoke(
  token: string,
  args: Record<string, any>,
  ctx: InvokeContext,
): Record<string, unknown> {
  const mock = invokeMocks[token];
  if (!mock) {
    throw new PlanError(
      "program",
      `The program calls the function "${token}", which has no offline mock. Add one to compliance/invokes.ts ` +
        `(mocked: ${Object.keys(invokeMocks).join(", ")}) or move the call behind configuration.`,
    );
  }
  return mock(args, ctx);
}
