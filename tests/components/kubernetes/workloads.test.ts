import { Recorded, byType, installMocks, one, project, settle, valueOf } from "../../helpers/mocks";

let recorded: Recorded[];
let nsModule: typeof import("../../../components/kubernetes/secure-namespace");
let riskModule: typeof import("../../../components/kubernetes/risk-inference");

const image = `europe-west3-docker.pkg.dev/${project}/services/risk-inference@sha256:${"a".repeat(64)}`;
const email = `mc-eu-risk-inference@${project}.iam.gserviceaccount.com`;
const labels = {
  "app.kubernetes.io/name": "risk-inference",
  "app.kubernetes.io/part-of": "mediconnect",
};
const args = () => ({
  namespace: "risk-inference",
  image,
  serviceAccountName: "risk-inference",
  gcpServiceAccountEmail: email,
  vertex: { project, region: "europe-west3", endpointId: "1234567890" },
  googleApisCidr: "199.36.153.8/30",
});

beforeAll(async () => {
  recorded = await installMocks();
  nsModule = await import("../../../components/kubernetes/secure-namespace");
  riskModule = await import("../../../components/kubernetes/risk-inference");
  const namespace = new nsModule.SecureNamespace("risk-inference", { namespace: "risk-inference" });
  const service = new riskModule.RiskInferenceService("risk-inference", {
    ...args(),
    namespace: namespace.name,
  });
  await Promise.all([valueOf(namespace.name), valueOf(service.url)]);
  await settle();
});

const policy = (name: string) =>
  one(recorded, "kubernetes:networking.k8s.io/v1:NetworkPolicy", name).inputs;

describe("SecureNamespace", () => {
  it("enforces, audits and warns at the restricted Pod Security level", () => {
    expect(
      one(recorded, "kubernetes:core/v1:Namespace", "risk-inference-namespace").inputs,
    ).toEqual({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: "risk-inference",
        labels: {
          "pod-security.kubernetes.io/enforce": "restricted",
          "pod-security.kubernetes.io/enforce-version": "latest",
          "pod-security.kubernetes.io/audit": "restricted",
          "pod-security.kubernetes.io/audit-version": "latest",
          "pod-security.kubernetes.io/warn": "restricted",
          "pod-security.kubernetes.io/warn-version": "latest",
        },
      },
    });
  });

  it("denies all ingress and egress by default and allows DNS to kube-dns only", () => {
    expect(policy("risk-inference-default-deny").spec).toEqual({
      podSelector: {},
      policyTypes: ["Ingress", "Egress"],
    });
    expect(policy("risk-inference-allow-dns").spec).toEqual({
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
              podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
            },
          ],
          ports: [
            { protocol: "UDP", port: 53 },
            { protocol: "TCP", port: 53 },
          ],
        },
      ],
    });
  });

  it("refuses to let extra labels weaken Pod Security", () => {
    expect(
      () =>
        new nsModule.SecureNamespace("bad", {
          namespace: "x",
          labels: { "pod-security.kubernetes.io/enforce": "privileged" },
        }),
    ).toThrow(
      "SecureNamespace bad: [labels] must not override the Pod Security labels, received pod-security.kubernetes.io/enforce",
    );
  });
});

describe("RiskInferenceService", () => {
  it("binds its Kubernetes service account to the Google one without mounting an API token", () => {
    expect(one(recorded, "kubernetes:core/v1:ServiceAccount", "risk-inference-sa").inputs).toEqual({
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: {
        name: "risk-inference",
        namespace: "risk-inference",
        labels,
        annotations: { "iam.gke.io/gcp-service-account": email },
      },
      automountServiceAccountToken: false,
    });
  });

  it("runs the digest-pinned image under the restricted profile with limits and probes", () => {
    const spec = one(recorded, "kubernetes:apps/v1:Deployment", "risk-inference-deployment").inputs
      .spec;
    expect(spec.replicas).toBe(2);
    const pod = spec.template.spec;
    expect([pod.automountServiceAccountToken, pod.serviceAccountName, pod.securityContext]).toEqual(
      [
        false,
        "risk-inference",
        {
          runAsNonRoot: true,
          runAsUser: 65532,
          runAsGroup: 65532,
          fsGroup: 65532,
          seccompProfile: { type: "RuntimeDefault" },
        },
      ],
    );
    expect(pod.containers).toEqual([
      {
        name: "app",
        image,
        ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
        env: [
          { name: "PORT", value: "8080" },
          { name: "VERTEX_PROJECT", value: project },
          { name: "VERTEX_REGION", value: "europe-west3" },
          { name: "VERTEX_ENDPOINT_ID", value: "1234567890" },
        ],
        resources: {
          requests: { cpu: "250m", memory: "256Mi" },
          limits: { cpu: "1", memory: "512Mi" },
        },
        securityContext: {
          privileged: false,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          runAsNonRoot: true,
          capabilities: { drop: ["ALL"] },
        },
        livenessProbe: {
          httpGet: { path: "/healthz", port: "http" },
          periodSeconds: 10,
          failureThreshold: 3,
        },
        readinessProbe: {
          httpGet: { path: "/readyz", port: "http" },
          periodSeconds: 5,
          failureThreshold: 3,
        },
        volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
      },
    ]);
    expect(pod.volumes).toEqual([{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }]);
  });

  it("is a ClusterIP service with a disruption budget and a CPU autoscaler", () => {
    expect(
      one(recorded, "kubernetes:core/v1:Service", "risk-inference-service").inputs.spec,
    ).toEqual({
      type: "ClusterIP",
      selector: labels,
      ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }],
    });
    expect(
      one(recorded, "kubernetes:policy/v1:PodDisruptionBudget", "risk-inference-pdb").inputs.spec,
    ).toEqual({
      minAvailable: 1,
      selector: { matchLabels: labels },
    });
    expect(
      one(recorded, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "risk-inference-hpa")
        .inputs.spec,
    ).toEqual({
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "risk-inference" },
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [
        {
          type: "Resource",
          resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
        },
      ],
    });
  });

  it("accepts calls only from client namespaces and reaches only the metadata server and Google APIs", () => {
    expect(policy("risk-inference-allow-clients").spec).toEqual({
      podSelector: { matchLabels: labels },
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [
            {
              namespaceSelector: {
                matchLabels: { "mediconnect.io/risk-inference-client": "true" },
              },
            },
          ],
          ports: [{ protocol: "TCP", port: 8080 }],
        },
      ],
    });
    expect(policy("risk-inference-allow-google-apis").spec.egress).toEqual([
      { to: [{ ipBlock: { cidr: "169.254.169.254/32" } }], ports: [{ protocol: "TCP", port: 80 }] },
      {
        to: [{ ipBlock: { cidr: "169.254.169.252/32" } }],
        ports: [{ protocol: "TCP", port: 988 }],
      },
      { to: [{ ipBlock: { cidr: "199.36.153.8/30" } }], ports: [{ protocol: "TCP", port: 443 }] },
    ]);
    expect(byType(recorded, "kubernetes:networking.k8s.io/v1:NetworkPolicy")).toHaveLength(4);
  });

  it.each([
    [
      { image: "registry.example/risk:latest" },
      'RiskInferenceService bad: [image] must be pinned by digest (<registry>/<path>@sha256:<64 hex>), received "registry.example/risk:latest"',
    ],
    [
      { port: 80 },
      "RiskInferenceService bad: [port] must be a whole number from 1024 to 65535, received 80",
    ],
    [
      { replicas: { min: 0, max: 2 } },
      "RiskInferenceService bad: [replicas.min] must be a whole number of at least 1, received 0",
    ],
  ])("rejects %j", (extra, message) => {
    expect(() => new riskModule.RiskInferenceService("bad", { ...args(), ...extra })).toThrow(
      message,
    );
  });
});
