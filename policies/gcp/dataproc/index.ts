export { gcpDataprocClusterEnableInternalIpOnly } from "./gcp-dataproc-cluster-enable-internal-ip-only";
export { gcpDataprocClusterMissingCmek } from "./gcp-dataproc-cluster-missing-cmek";
