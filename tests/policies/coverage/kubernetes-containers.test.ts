import { checkResource } from "../harness";
import { kubernetesTables } from "./kubernetes-tables";
import { describeTables, patched, typeOf } from "./table";
import * as k8s from "../../../policies/kubernetes";

describeTables(kubernetesTables);

describe("kubernetes image pinning config", () => {
  const policy = k8s.kubernetesAppsDeploymentEnforceImagePinning;
  const props = {
    spec: {
      selector: {},
      template: { spec: { containers: [{ name: "c", image: "fhir:1.4.2" }] } },
    },
  };
  it("accepts an explicit tag other than latest when requireDigest is false", async () => {
    const type = typeOf(policy);
    expect(
      (await checkResource(policy, { type, props }, { requireDigest: false })).violations,
    ).toEqual([]);
    const latest = patched(props, {
      spec: { template: { spec: { containers: [{ name: "c", image: "fhir:latest" }] } } },
    });
    expect(
      (await checkResource(policy, { type, props: latest }, { requireDigest: false })).violations,
    ).toHaveLength(1);
  });
});
