import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { wholeNumber } from "../shared/validate";

/** The uid and gid the risk-inference image runs as (distroless "nonroot"). */
export const nonRootUid = 65532;

/** Label a namespace carries when its pods may call the risk-inference service. */
export const clientNamespaceLabel = "mediconnect.io/risk-inference-client";

/**
 * Where a pod on GKE with Dataplane V2 and Workload Identity gets its Google credentials: the metadata address and
 * the GKE metadata server behind it.
 */
export const gkeMetadataEgress = [
  { cidr: "169.254.169.254/32", port: 80 },
  { cidr: "169.254.169.252/32", port: 988 },
] as const;

export interface RiskInferenceServiceArgs {
  /** Namespace to run in (a SecureNamespace: default-deny, restricted Pod Security). */
  readonly namespace: pulumi.Input<string>;
  /** Digest-pinned image, `<registry>/<path>@sha256:<64 hex>`. */
  readonly image: string;
  /** Name of the Kubernetes service account (bound to the Google service account by workload identity). */
  readonly serviceAccountName: string;
  /** The Google service account the pods act as. */
  readonly gcpServiceAccountEmail: pulumi.Input<string>;
  /** The Vertex AI endpoint the service calls. */
  readonly vertex: {
    readonly project: pulumi.Input<string>;
    readonly region: pulumi.Input<string>;
    readonly endpointId: pulumi.Input<string>;
  };
  /** CIDR of the Google APIs the pods reach (private.googleapis.com). */
  readonly googleApisCidr: string;
  /**
   * Listening port of the container.
   * @default 8080
   */
  readonly port?: number;
  /**
   * Replica bounds of the HorizontalPodAutoscaler.
   * @default { min: 2, max: 6 }
   */
  readonly replicas?: { readonly min: number; readonly max: number };
  /**
   * Container requests and limits.
   * @default requests 250m CPU / 256Mi, limits 1 CPU / 512Mi
   */
  readonly resources?: {
    readonly requests: { readonly cpu: string; readonly memory: string };
    readonly limits: { readonly cpu: string; readonly memory: string };
  };
}

/**
 * The risk-inference HTTP service (POST /risk) on GKE: a Kubernetes service account mapped to a Google service
 * account by workload identity (no key files, no Kubernetes API token mounted), a Deployment that meets the
 * restricted Pod Security profile (non-root uid 65532, read-only root filesystem with a small /tmp, all capabilities
 * dropped, no privilege escalation, seccomp RuntimeDefault) with requests, limits and health probes, spread over
 * zones; a ClusterIP Service, a PodDisruptionBudget keeping one replica up, a CPU-based HorizontalPodAutoscaler, and
 * NetworkPolicies allowing only ingress from namespaces labelled as clients and egress to the metadata server and
 * Google APIs.
 */
export class RiskInferenceService extends pulumi.ComponentResource {
  public readonly serviceName: pulumi.Output<string>;
  /** In-cluster URL of the service. */
  public readonly url: pulumi.Output<string>;

  constructor(
    name: string,
    args: RiskInferenceServiceArgs,
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    super("mediconnect:kubernetes:RiskInferenceService", name, {}, opts);
    const where = `RiskInferenceService ${name}`;
    if (!/^[^@\s]+@sha256:[a-f0-9]{64}$/.test(args.image)) {
      throw new Error(
        `${where}: [image] must be pinned by digest (<registry>/<path>@sha256:<64 hex>), received ${JSON.stringify(args.image)}`,
      );
    }
    const port = wholeNumber(where, "port", args.port ?? 8080, 1024, 65535);
    const replicas = args.replicas ?? { min: 2, max: 6 };
    wholeNumber(where, "replicas.min", replicas.min, 1);
    wholeNumber(where, "replicas.max", replicas.max, replicas.min, 100);
    const resources = args.resources ?? {
      requests: { cpu: "250m", memory: "256Mi" },
      limits: { cpu: "1", memory: "512Mi" },
    };
    const labels = { "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "mediconnect" };
    const ns = args.namespace;

    const serviceAccount = new k8s.core.v1.ServiceAccount(
      `${name}-sa`,
      {
        metadata: {
          name: args.serviceAccountName,
          namespace: ns,
          labels,
          annotations: { "iam.gke.io/gcp-service-account": args.gcpServiceAccountEmail },
        },
        automountServiceAccountToken: false,
      },
      { parent: this },
    );

    const deployment = new k8s.apps.v1.Deployment(
      `${name}-deployment`,
      {
        metadata: { name, namespace: ns, labels },
        spec: {
          replicas: replicas.min,
          selector: { matchLabels: labels },
          strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
          template: {
            metadata: { labels },
            spec: {
              serviceAccountName: serviceAccount.metadata.name,
              automountServiceAccountToken: false,
              nodeSelector: { "iam.gke.io/gke-metadata-server-enabled": "true" },
              securityContext: {
                runAsNonRoot: true,
                runAsUser: nonRootUid,
                runAsGroup: nonRootUid,
                fsGroup: nonRootUid,
                seccompProfile: { type: "RuntimeDefault" },
              },
              topologySpreadConstraints: [
                {
                  maxSkew: 1,
                  topologyKey: "topology.kubernetes.io/zone",
                  whenUnsatisfiable: "ScheduleAnyway",
                  labelSelector: { matchLabels: labels },
                },
              ],
              containers: [
                {
                  name: "app",
                  image: args.image,
                  ports: [{ name: "http", containerPort: port, protocol: "TCP" }],
                  env: [
                    { name: "PORT", value: String(port) },
                    { name: "VERTEX_PROJECT", value: args.vertex.project },
                    { name: "VERTEX_REGION", value: args.vertex.region },
                    { name: "VERTEX_ENDPOINT_ID", value: args.vertex.endpointId },
                  ],
                  resources,
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
              ],
              volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }],
            },
          },
        },
      },
      { parent: this },
    );

    const service = new k8s.core.v1.Service(
      `${name}-service`,
      {
        metadata: { name, namespace: ns, labels },
        spec: {
          type: "ClusterIP",
          selector: labels,
          ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }],
        },
      },
      { parent: this },
    );
    new k8s.policy.v1.PodDisruptionBudget(
      `${name}-pdb`,
      {
        metadata: { name, namespace: ns, labels },
        spec: { minAvailable: 1, selector: { matchLabels: labels } },
      },
      { parent: this },
    );
    new k8s.autoscaling.v2.HorizontalPodAutoscaler(
      `${name}-hpa`,
      {
        metadata: { name, namespace: ns, labels },
        spec: {
          scaleTargetRef: {
            apiVersion: "apps/v1",
            kind: "Deployment",
            name: deployment.metadata.name,
          },
          minReplicas: replicas.min,
          maxReplicas: replicas.max,
          metrics: [
            {
              type: "Resource",
              resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
            },
          ],
        },
      },
      { parent: this },
    );

    new k8s.networking.v1.NetworkPolicy(
      `${name}-allow-clients`,
      {
        metadata: { name: `${name}-allow-clients`, namespace: ns },
        spec: {
          podSelector: { matchLabels: labels },
          policyTypes: ["Ingress"],
          ingress: [
            {
              from: [{ namespaceSelector: { matchLabels: { [clientNamespaceLabel]: "true" } } }],
              ports: [{ protocol: "TCP", port }],
            },
          ],
        },
      },
      { parent: this },
    );
    new k8s.networking.v1.NetworkPolicy(
      `${name}-allow-google-apis`,
      {
        metadata: { name: `${name}-allow-google-apis`, namespace: ns },
        spec: {
          podSelector: { matchLabels: labels },
          policyTypes: ["Egress"],
          egress: [
            ...gkeMetadataEgress.map(({ cidr, port: p }) => ({
              to: [{ ipBlock: { cidr } }],
              ports: [{ protocol: "TCP", port: p }],
            })),
            {
              to: [{ ipBlock: { cidr: args.googleApisCidr } }],
              ports: [{ protocol: "TCP", port: 443 }],
            },
          ],
        },
      },
      { parent: this },
    );

    this.serviceName = service.metadata.name;
    this.url = pulumi.interpolate`http://${service.metadata.name}.${service.metadata.namespace}.svc.cluster.local`;
    this.registerOutputs({ serviceName: this.serviceName, url: this.url });
  }
}
