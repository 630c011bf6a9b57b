import {
  kubernetesCoreNamespaceEnforcePodSecurityLabel,
  kubernetesCoreServiceDisallowPublicLoadBalancer,
} from "../../../../policies/kubernetes";
import { checkResource, unknown } from "../../harness";

describe("kubernetes-core-service-disallow-public-load-balancer", () => {
  const policy = kubernetesCoreServiceDisallowPublicLoadBalancer;
  const type = "kubernetes:core/v1:Service";
  const c = "(Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1); GDPR Art. 32)";
  const service = (type_: string, annotations?: Record<string, string>) => ({
    metadata: { name: "fhir-gateway", namespace: "fhir", ...(annotations ? { annotations } : {}) },
    spec: {
      type: type_,
      selector: { app: "fhir-gateway" },
      ports: [{ port: 443, targetPort: 8443 }],
    },
  });
  const expected =
    "cloud.google.com/load-balancer-type, networking.gke.io/load-balancer-type, service.beta.kubernetes.io/aws-load-balancer-internal, service.beta.kubernetes.io/aws-load-balancer-scheme, service.beta.kubernetes.io/azure-load-balancer-internal";

  it.each([
    ["GKE", { "cloud.google.com/load-balancer-type": "Internal" }],
    ["EKS scheme", { "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal" }],
    ["EKS legacy", { "service.beta.kubernetes.io/aws-load-balancer-internal": "true" }],
    ["AKS", { "service.beta.kubernetes.io/azure-load-balancer-internal": "true" }],
  ])("passes an internal load balancer on %s", async (_cloud, annotations) => {
    expect(
      await checkResource(policy, { type, props: service("LoadBalancer", annotations) }),
    ).toEqual({ violations: [], indeterminate: false });
  });

  it("passes ClusterIP services", async () => {
    expect((await checkResource(policy, { type, props: service("ClusterIP") })).violations).toEqual(
      [],
    );
  });

  it("fails a public load balancer (annotation absent) and an explicitly external one", async () => {
    const message = `Service fhir-gateway is of type LoadBalancer without an internal load balancer annotation or loadBalancerSourceRanges, so it is exposed to the internet; expected one of ${expected}, or named source ranges. ${c}`;
    expect(
      (await checkResource(policy, { type, props: service("LoadBalancer") })).violations,
    ).toEqual([message]);
    expect(
      (
        await checkResource(policy, {
          type,
          props: service("LoadBalancer", {
            "service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing",
          }),
        })
      ).violations,
    ).toEqual([message]);
  });

  it.each([
    [
      "spec.loadBalancerSourceRanges",
      { loadBalancerSourceRanges: ["10.20.0.0/16", "203.0.113.7/32"] },
      {},
    ],
    [
      "the source-ranges annotation",
      {},
      { "service.beta.kubernetes.io/load-balancer-source-ranges": "10.20.0.0/16, 198.51.100.0/24" },
    ],
  ])("passes a load balancer restricted by %s", async (_how, spec, annotations) => {
    const props = service("LoadBalancer", annotations);
    Object.assign(props.spec, spec);
    expect(await checkResource(policy, { type, props })).toEqual({
      violations: [],
      indeterminate: false,
    });
  });

  it("fails source ranges that include the whole internet (a near miss)", async () => {
    const props = service("LoadBalancer");
    Object.assign(props.spec, { loadBalancerSourceRanges: ["10.20.0.0/16", "0.0.0.0/0"] });
    expect((await checkResource(policy, { type, props })).violations).toEqual([
      `Service fhir-gateway is of type LoadBalancer with source ranges 10.20.0.0/16, 0.0.0.0/0, which include the whole internet; expected named source ranges or an internal load balancer annotation. ${c}`,
    ]);
  });

  it("accepts additional internal annotations from config", async () => {
    const props = service("LoadBalancer", { "metallb.universe.tf/address-pool": "private" });
    expect((await checkResource(policy, { type, props })).violations).toHaveLength(1);
    const out = await checkResource(
      policy,
      { type, props },
      { additionalInternalAnnotations: { "metallb.universe.tf/address-pool": "private" } },
    );
    expect(out.violations).toEqual([]);
  });

  it("is indeterminate when the service type is unknown", async () => {
    expect(await checkResource(policy, { type, props: service(unknown) })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});

describe("kubernetes-core-namespace-enforce-pod-security-label", () => {
  const policy = kubernetesCoreNamespaceEnforcePodSecurityLabel;
  const type = "kubernetes:core/v1:Namespace";
  const c = "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 25; GDPR Art. 32)";
  const namespace = (level?: string) => ({
    metadata: {
      name: "fhir",
      labels: {
        "data-classification": "phi",
        ...(level ? { "pod-security.kubernetes.io/enforce": level } : {}),
      },
    },
  });

  it("passes a namespace enforcing restricted", async () => {
    expect(await checkResource(policy, { type, props: namespace("restricted") })).toEqual({
      violations: [],
      indeterminate: false,
    });
  });

  it("fails baseline and privileged", async () => {
    expect(
      (await checkResource(policy, { type, props: namespace("privileged") })).violations,
    ).toEqual([
      `The namespace enforces Pod Security level "privileged"; expected restricted. ${c}`,
    ]);
  });

  it("fails a namespace without the label (absent)", async () => {
    expect(
      (await checkResource(policy, { type, props: { metadata: { name: "fhir" } } })).violations,
    ).toEqual([
      `The namespace has no pod-security.kubernetes.io/enforce label, so Pod Security admission enforces nothing; expected restricted. ${c}`,
    ]);
  });

  it("accepts baseline when minimumLevel is baseline", async () => {
    expect(
      (
        await checkResource(
          policy,
          { type, props: namespace("baseline") },
          { minimumLevel: "baseline" },
        )
      ).violations,
    ).toEqual([]);
    expect(
      (await checkResource(policy, { type, props: namespace("baseline") })).violations,
    ).toHaveLength(1);
  });

  it("is indeterminate when the labels are unknown", async () => {
    expect(
      await checkResource(policy, { type, props: { metadata: { name: "fhir", labels: unknown } } }),
    ).toEqual({ violations: [], indeterminate: true });
  });
});
