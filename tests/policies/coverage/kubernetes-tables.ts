/** Tables for the container-level Kubernetes policies, on every workload kind (see table.ts). */
import * as k8s from "../../../policies/kubernetes";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { Table, unknown } from "./table";

type Props = Record<string, unknown>;
const digest = "@sha256:" + "b".repeat(64);

/** A pod spec; an `undefined` in `extra` stays, so that the table's patch removes the field from the base. */
const pod = (containers: Props[], extra: Props = {}): Props => ({
  automountServiceAccountToken: false,
  containers,
  ...extra,
});
/** A compliant container with `extra` over it; an `undefined` in `extra` removes the field. */
const container = (extra: Props = {}): Props =>
  Object.fromEntries(Object.entries({ ...base(), ...extra }).filter(([, v]) => v !== undefined));
const base = (): Props => ({
  name: "fhir",
  image: `europe-docker.pkg.dev/p/r/fhir${digest}`,
  env: [
    { name: "FHIR_BASE", value: "https://fhir.internal/r4" },
    { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
  ],
  readinessProbe: { httpGet: { path: "/ready", port: 8080 } },
  livenessProbe: { httpGet: { path: "/live", port: 8080 } },
});

/** Where each kind holds its pod spec. */
const kinds: Record<string, (spec: Props) => Props> = {
  Deployment: (s) => ({ spec: { selector: {}, template: { spec: s } } }),
  StatefulSet: (s) => ({ spec: { selector: {}, serviceName: "x", template: { spec: s } } }),
  DaemonSet: (s) => ({ spec: { selector: {}, template: { spec: s } } }),
  ReplicaSet: (s) => ({ spec: { selector: {}, template: { spec: s } } }),
  Job: (s) => ({ spec: { template: { spec: s } } }),
  CronJob: (s) => ({
    spec: { schedule: "0 * * * *", jobTemplate: { spec: { template: { spec: s } } } },
  }),
  Pod: (s) => ({ spec: s }),
};

/** The policy of `check` for each kind, found by name in the pack's Kubernetes exports. */
function policiesFor(verb: string): [string, ResourceValidationPolicy][] {
  return Object.entries(kinds).flatMap(([kind]) => {
    const found = Object.values(k8s).find((p) => {
      const parts = p.name.split("-");
      return p.name.endsWith(`-${verb}`) && parts[2] === kind.toLowerCase();
    });
    return found ? [[kind, found] as [string, ResourceValidationPolicy]] : [];
  });
}

function tablesFor(
  verb: string,
  pass: Props[][],
  fail: [Props[], Props, string[]][],
  unknownCases: [Props[], Props, string[]][],
): Table[] {
  return policiesFor(verb).map(([kind, policy]) => {
    const wrap = kinds[kind];
    return {
      policy,
      base: wrap(pod([container()])),
      pass: pass.map((cs) => wrap(pod(cs))),
      fail: fail.map(([cs, extra, m]) => [wrap(pod(cs, extra)), m] as const),
      unknown: unknownCases.map(([cs, extra, m]) => [wrap(pod(cs, extra)), m] as const),
    };
  });
}

export const kubernetesTables: Table[] = [
  ...tablesFor(
    "disallow-secret-environment-values",
    [
      [
        container({
          env: [{ name: "API_TOKEN", value: "projects/p/secrets/token/versions/latest" }],
        }),
      ],
      [
        container({
          env: [{ name: "GIT_COMMIT", value: "4f9c2a1e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39" }],
        }),
      ],
    ],
    [
      [
        [
          container({
            env: [{ name: "UPSTREAM", value: "https://svc:Pa55w0rdXYZ@upstream.example.org" }],
          }),
        ],
        {},
        ["Container fhir env UPSTREAM holds what looks like a URL with an embedded password"],
      ],
      [
        [container({ env: [{ name: "SETTINGS", value: "sk-proj-AbCdEfGhIjKlMnOpQrStUvWx1234" }] })],
        {},
        ["holds what looks like an OpenAI or Anthropic API key"],
      ],
      [
        [container({ env: [{ name: "CLIENT_SECRET", value: "changeme" }] })],
        {},
        ["env CLIENT_SECRET is named like a secret and holds a literal value"],
      ],
    ],
    [
      [
        [
          container({
            env: [
              { name: "A", value: unknown },
              { name: "B", value: "AKIAABCDEFGHIJKLMNOP" },
            ],
          }),
        ],
        {},
        ["env B holds what looks like an AWS access key id"],
      ],
    ],
  ),
  ...tablesFor(
    "disable-service-account-token-automount",
    [],
    [
      [
        [container()],
        { automountServiceAccountToken: undefined },
        ["Kubernetes mounts the token by default"],
      ],
      [
        [container()],
        { automountServiceAccountToken: true },
        ["spec.automountServiceAccountToken is true"],
      ],
    ],
    [[[container()], { automountServiceAccountToken: unknown }, []]],
  ),
  ...tablesFor(
    "enforce-image-pinning",
    [],
    [
      [[container({ image: "nginx" })], {}, ['image "nginx" is not pinned (no tag means latest)']],
      [[container({ image: "nginx:1.27" })], {}, ['image "nginx:1.27" is not pinned']],
      [
        [container({ image: "registry:5000/fhir:latest" })],
        {},
        ['image "registry:5000/fhir:latest" is not pinned'],
      ],
    ],
    [
      [
        [container({ image: unknown }), container({ name: "side", image: "busybox:latest" })],
        {},
        ['Container side image "busybox:latest"'],
      ],
    ],
  ),
  ...tablesFor(
    "configure-probes",
    [],
    [
      [[container({ livenessProbe: undefined })], {}, ["Container fhir sets no livenessProbe"]],
      [
        [container({ readinessProbe: undefined, livenessProbe: undefined })],
        {},
        ["sets no readinessProbe", "sets no livenessProbe"],
      ],
    ],
    [],
  ),
];
