export { gcpDataflowFlexTemplateJobDisablePublicIps } from "./gcp-dataflow-flextemplatejob-disable-public-ips";
export { gcpDataflowFlexTemplateJobMissingCmek } from "./gcp-dataflow-flextemplatejob-missing-cmek";
export { gcpDataflowJobDisablePublicIps } from "./gcp-dataflow-job-disable-public-ips";
export { gcpDataflowJobMissingCmek } from "./gcp-dataflow-job-missing-cmek";
