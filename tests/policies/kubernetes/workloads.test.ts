import type { ResourceValidationPolicy } from "@pulumi/policy";
import {
  kubernetesAppsDaemonSetEnforceRestrictedPodSecurity,
  kubernetesAppsDeploymentEnforceRestrictedPodSecurity,
  kubernetesAppsReplicaSetEnforceRestrictedPodSecurity,
  kubernetesAppsStatefulSetEnforceRestrictedPodSecurity,
  kubernetesBatchCronJobEnforceRestrictedPodSecurity,
  kubernetesBatchJobEnforceRestrictedPodSecurity,
  kubernetesCorePodEnforceRestrictedPodSecurity,
} from "../../../policies/kubernetes";
import { checkResource, unknown } from "../harness";
import { podControls, restrictedPod, rootContainer, rootContainerFindings } from "./pod-fixtures";

const metadata = { name: "fhir-gateway", namespace: "fhir" };
const template = (spec: unknown) => ({ metadata: { labels: { app: "fhir-gateway" } }, spec });
const selector = { matchLabels: { app: "fhir-gateway" } };

/** Each workload kind: its policy, type token, and how its pod spec is wrapped. */
const cases: [
  string,
  ResourceValidationPolicy,
  string,
  (pod: unknown) => Record<string, unknown>,
][] = [
  [
    "kubernetes-apps-deployment-enforce-restricted-pod-security",
    kubernetesAppsDeploymentEnforceRestrictedPodSecurity,
    "kubernetes:apps/v1:Deployment",
    (pod) => ({ metadata, spec: { replicas: 2, selector, template: template(pod) } }),
  ],
  [
    "kubernetes-apps-statefulset-enforce-restricted-pod-security",
    kubernetesAppsStatefulSetEnforceRestrictedPodSecurity,
    "kubernetes:apps/v1:StatefulSet",
    (pod) => ({ metadata, spec: { serviceName: "fhir", selector, template: template(pod) } }),
  ],
  [
    "kubernetes-apps-daemonset-enforce-restricted-pod-security",
    kubernetesAppsDaemonSetEnforceRestrictedPodSecurity,
    "kubernetes:apps/v1:DaemonSet",
    (pod) => ({ metadata, spec: { selector, template: template(pod) } }),
  ],
  [
    "kubernetes-apps-replicaset-enforce-restricted-pod-security",
    kubernetesAppsReplicaSetEnforceRestrictedPodSecurity,
    "kubernetes:apps/v1:ReplicaSet",
    (pod) => ({ metadata, spec: { selector, template: template(pod) } }),
  ],
  [
    "kubernetes-batch-job-enforce-restricted-pod-security",
    kubernetesBatchJobEnforceRestrictedPodSecurity,
    "kubernetes:batch/v1:Job",
    (pod) => ({ metadata, spec: { backoffLimit: 2, template: template(pod) } }),
  ],
  [
    "kubernetes-batch-cronjob-enforce-restricted-pod-security",
    kubernetesBatchCronJobEnforceRestrictedPodSecurity,
    "kubernetes:batch/v1:CronJob",
    (pod) => ({
      metadata,
      spec: { schedule: "0 3 * * *", jobTemplate: { spec: { template: template(pod) } } },
    }),
  ],
  [
    "kubernetes-core-pod-enforce-restricted-pod-security",
    kubernetesCorePodEnforceRestrictedPodSecurity,
    "kubernetes:core/v1:Pod",
    (pod) => ({ metadata, spec: pod }),
  ],
];

describe.each(cases)("%s", (name, policy, type, wrap) => {
  it("has the expected name and metadata", () => {
    expect(policy.name).toBe(name);
    expect(policy.severity).toBe("high");
    expect(policy.tags).toEqual(["hipaa:164.312(a)(1)", "gdpr:art32", "gdpr:art25"]);
  });

  it("passes a restricted pod spec", async () => {
    expect(await checkResource(policy, { type, props: wrap(restrictedPod()) })).toEqual({
      violations: [],
      indeterminate: false,
    });
  });

  it("reports every restricted-profile gap of a root container", async () => {
    const out = await checkResource(policy, {
      type,
      props: wrap(restrictedPod({ securityContext: {}, containers: [rootContainer] })),
    });
    expect(out.violations).toEqual(rootContainerFindings);
  });

  it("reports an absent securityContext as running as root without seccomp", async () => {
    const pod = {
      containers: [
        { name: "app", image: "app:1", resources: { limits: { cpu: "1", memory: "1Gi" } } },
      ],
    };
    expect((await checkResource(policy, { type, props: wrap(pod) })).violations).toEqual(
      [
        "Container app allows privilege escalation; set securityContext.allowPrivilegeEscalation: false.",
        "Container app may run as root; set runAsNonRoot: true on the pod or container securityContext.",
        "Container app has a writable root filesystem; set securityContext.readOnlyRootFilesystem: true.",
        'Container app does not drop ALL capabilities; set securityContext.capabilities.drop: ["ALL"].',
        "Container app has seccompProfile not set; set seccompProfile.type: RuntimeDefault on the pod or container.",
      ].map((m) => `${m} ${podControls}`),
    );
  });

  it("reports a resource without a pod spec (absent)", async () => {
    expect((await checkResource(policy, { type, props: { metadata } })).violations).toEqual([
      `It defines no pod spec, so its pod security cannot be verified. ${podControls}`,
    ]);
  });

  it("honours allowedCapabilities and requireResourceLimits from config", async () => {
    const pod = restrictedPod({
      containers: [{ ...restrictedPod().containers[0], resources: {} }],
    });
    expect((await checkResource(policy, { type, props: wrap(pod) })).violations).toHaveLength(1);
    expect(
      (await checkResource(policy, { type, props: wrap(pod) }, { requireResourceLimits: false }))
        .violations,
    ).toEqual([]);
  });

  it("is indeterminate when a deciding value is unknown", async () => {
    const c = {
      ...restrictedPod().containers[0],
      securityContext: {
        ...restrictedPod().containers[0].securityContext,
        allowPrivilegeEscalation: unknown,
      },
    };
    expect(
      await checkResource(policy, { type, props: wrap(restrictedPod({ containers: [c] })) }),
    ).toEqual({ violations: [], indeterminate: true });
  });

  it("is not applicable to other kinds", async () => {
    const other =
      type === "kubernetes:core/v1:Pod"
        ? "kubernetes:apps/v1:Deployment"
        : "kubernetes:core/v1:Pod";
    expect((await checkResource(policy, { type: other, props: {} })).notApplicable).toBe(
      `Policy only applies to resources of type '${type}'`,
    );
  });
});
