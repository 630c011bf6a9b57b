import { kubernetesNetworkingIngressEnforceTls as policy } from "../../../../policies/kubernetes";
import { checkResource, unknown } from "../../harness";

const type = "kubernetes:networking.k8s.io/v1:Ingress";
const c = "(Control ID: HIPAA 164.312(e)(2)(ii); HIPAA 164.312(e)(1); GDPR Art. 32)";
const rule = (host: string) => ({
  host,
  http: {
    paths: [
      {
        path: "/",
        pathType: "Prefix",
        backend: { service: { name: "fhir-gateway", port: { number: 443 } } },
      },
    ],
  },
});
const ingress = (hosts: string[], tls?: unknown[]) => ({
  metadata: { name: "fhir", namespace: "fhir" },
  spec: { ingressClassName: "internal", rules: hosts.map(rule), ...(tls ? { tls } : {}) },
});

describe("kubernetes-networking-ingress-enforce-tls", () => {
  it("passes when every host is in spec.tls", async () => {
    const props = ingress(
      ["fhir.eu.mediconnect.example"],
      [{ hosts: ["fhir.eu.mediconnect.example"], secretName: "fhir-tls" }],
    );
    expect(await checkResource(policy, { type, props })).toEqual({
      violations: [],
      indeterminate: false,
    });
  });

  it("fails hosts not covered by spec.tls", async () => {
    const props = ingress(
      ["fhir.eu.mediconnect.example", "admin.eu.mediconnect.example"],
      [{ hosts: ["fhir.eu.mediconnect.example"], secretName: "fhir-tls" }],
    );
    expect((await checkResource(policy, { type, props })).violations).toEqual([
      `Hosts admin.eu.mediconnect.example are not covered by spec.tls; expected every rule host in a TLS entry. ${c}`,
    ]);
  });

  it("fails an Ingress without spec.tls (absent)", async () => {
    expect(
      (await checkResource(policy, { type, props: ingress(["fhir.eu.mediconnect.example"]) }))
        .violations,
    ).toEqual([
      `The Ingress has no spec.tls, so it serves plain HTTP; expected a TLS entry covering every host. ${c}`,
    ]);
  });

  it("has no threshold: configuration does not relax it", async () => {
    expect(
      (await checkResource(policy, { type, props: ingress(["a.example"]) }, { anything: true }))
        .violations,
    ).toHaveLength(1);
  });

  it("is indeterminate when the TLS hosts are unknown", async () => {
    expect(
      await checkResource(policy, {
        type,
        props: ingress(["a.example"], [{ hosts: unknown, secretName: "s" }]),
      }),
    ).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});
