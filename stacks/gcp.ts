/**
 * The GCP part of a stack, on the stack's explicit GCP provider, and the Kubernetes workloads on its GKE cluster,
 * on a Kubernetes provider built from the cluster's outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import type { GcpConfig } from "./config";
import type { BuildContext, StackOutputs } from "./context";
import type { ResidencyZone } from "../policies/catalog/residency";
import { serviceAgentMember, ServiceKeys, ServiceKeySpec } from "../components/gcp/service-keys";
import { PrivateNetwork, privateGoogleApisCidr } from "../components/gcp/private-network";
import { GkeCluster } from "../components/gcp/gke-cluster";
import { AdmissionPolicy } from "../components/gcp/admission-policy";
import { WorkloadIdentity } from "../components/gcp/workload-identity";
import { VertexEndpoint } from "../components/gcp/vertex-endpoint";
import { AnalyticsWarehouse } from "../components/gcp/analytics-warehouse";
import { ClinicalRecords } from "../components/gcp/clinical-records";
import { AuditGuardrails } from "../components/gcp/audit-guardrails";
import { SecureNamespace } from "../components/kubernetes/secure-namespace";
import { RiskInferenceService } from "../components/kubernetes/risk-inference";

/** The organization-policy value group that keeps new resources in the residency zone. */
const locationValueGroups: Readonly<Record<ResidencyZone, string>> = {
  us: "in:us-locations",
  eu: "in:eu-locations",
};

/**
 * The Cloud KMS location a BigQuery dataset's key must be in: the same region, or for the multi-regions the Cloud
 * KMS multi-region of the same name (`us`), or `europe` for BigQuery's `EU`.
 */
export function bigQueryKeyLocation(location: string): string {
  const multiRegions: Readonly<Record<string, string>> = { US: "us", EU: "europe" };
  return multiRegions[location.toUpperCase()] ?? location;
}

const riskNamespace = "risk-inference";
const riskServiceAccount = "risk-inference";

export function buildGcp(
  ctx: BuildContext,
  gcpConfig: GcpConfig,
  provider: pulumi.ProviderResource,
): StackOutputs {
  const { namePrefix, residency, logRetentionDays } = ctx.config;
  const { project, region } = gcpConfig;
  const opts = { providers: [provider] };
  const projectNumber = gcp.organizations
    .getProjectOutput({ projectId: project }, { provider })
    .apply((p) => p.number ?? "");
  const agent = (a: Parameters<typeof serviceAgentMember>[0]) =>
    serviceAgentMember(a, projectNumber);

  const spannerKeys = gcpConfig.spanner.replicaRegions.map((r) => `spanner-${r}`);
  const keySpecs: Record<string, ServiceKeySpec> = {
    "gke-secrets": { location: region, encrypters: [agent("gke")] },
    "gke-disks": { location: region, encrypters: [agent("compute")] },
    bigquery: {
      location: bigQueryKeyLocation(gcpConfig.bigQueryLocation),
      encrypters: [agent("bigquery")],
    },
    vertex: { location: region, encrypters: [agent("vertex")] },
    logs: { location: region, encrypters: [agent("logging")] },
  };
  gcpConfig.spanner.replicaRegions.forEach((r, i) => {
    keySpecs[spannerKeys[i]] = { location: r, encrypters: [agent("spanner")] };
  });
  const keys = new ServiceKeys("cmek", { namePrefix, keys: keySpecs }, opts);
  // Every store needs its service agent's grant on its key before it is created.
  const afterKeys = { ...opts, dependsOn: [keys] };

  const network = new PrivateNetwork("network", { namePrefix, region }, opts);
  const cluster = new GkeCluster(
    "gke",
    {
      namePrefix,
      projectId: project,
      region,
      networkId: network.networkId,
      subnetworkId: network.subnetworkId,
      podsRangeName: network.podsRangeName,
      servicesRangeName: network.servicesRangeName,
      secretsKeyId: keys.keyId("gke-secrets"),
      bootDiskKeyId: keys.keyId("gke-disks"),
      masterAuthorizedNetworks: gcpConfig.masterAuthorizedNetworks,
      machineType: gcpConfig.nodeMachineType,
    },
    afterKeys,
  );

  // The cluster enforces the project's Binary Authorization policy: only the platform's own images run.
  new AdmissionPolicy(
    "admission",
    { projectId: project, allowedImages: [gcpConfig.riskInferenceImage] },
    opts,
  );

  const riskIdentity = new WorkloadIdentity(
    "risk-inference",
    {
      namePrefix,
      workloadPool: cluster.workloadPool,
      namespace: riskNamespace,
      kubernetesServiceAccount: riskServiceAccount,
      purpose: "Risk inference on GKE: predicts on the risk endpoint only",
    },
    opts,
  );
  const vertex = new VertexEndpoint(
    "risk",
    {
      namePrefix,
      projectId: project,
      region,
      kmsKeyId: keys.keyId("vertex"),
      predictors: [riskIdentity.member],
      displayName: "Clinical risk model",
    },
    afterKeys,
  );
  const analytics = new AnalyticsWarehouse(
    "analytics",
    {
      namePrefix,
      projectId: project,
      location: gcpConfig.bigQueryLocation,
      kmsKeyId: keys.keyId("bigquery"),
      readers: gcpConfig.bigQueryReaders,
      analystGroups: gcpConfig.bigQueryAnalystGroups,
    },
    afterKeys,
  );
  const records = new ClinicalRecords(
    "records",
    {
      namePrefix,
      config: gcpConfig.spanner.config,
      kmsKeyIds: spannerKeys.map((k) => keys.keyId(k)),
      processingUnits: gcpConfig.spanner.processingUnits,
    },
    afterKeys,
  );
  new AuditGuardrails(
    "audit",
    {
      namePrefix,
      projectId: project,
      region,
      logsKeyId: keys.keyId("logs"),
      retentionDays: logRetentionDays,
      allowedLocations: [locationValueGroups[residency]],
    },
    afterKeys,
  );

  const kubernetes = new k8s.Provider(
    `${namePrefix}-gke`,
    { kubeconfig: cluster.kubeconfig, enableServerSideApply: true },
    { dependsOn: [cluster] },
  );
  const k8sOpts = { providers: [kubernetes] };
  const namespace = new SecureNamespace("risk-inference", { namespace: riskNamespace }, k8sOpts);
  const risk = new RiskInferenceService(
    "risk-inference",
    {
      namespace: namespace.name,
      image: gcpConfig.riskInferenceImage,
      serviceAccountName: riskServiceAccount,
      gcpServiceAccountEmail: riskIdentity.email,
      vertex: { project, region, endpointId: vertex.endpointId },
      googleApisCidr: privateGoogleApisCidr,
    },
    k8sOpts,
  );

  return {
    gcpNetworkName: network.networkName,
    gcpClusterName: cluster.clusterName,
    gcpVertexEndpointId: vertex.endpointId,
    gcpAnalyticsDatasetId: analytics.clinicalDatasetId,
    gcpAnalystViewId: analytics.deidentifiedViewId,
    gcpSpannerInstance: records.instanceName,
    gcpSpannerDatabase: records.databaseName,
    riskInferenceUrl: risk.url,
  };
}
