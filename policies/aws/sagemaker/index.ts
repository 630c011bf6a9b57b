export { awsSagemakerDomainEnforceVpcOnly } from "./aws-sagemaker-domain-enforce-vpc-only";
export { awsSagemakerEndpointConfigurationEnableCmkEncryption } from "./aws-sagemaker-endpoint-configuration-enable-cmk-encryption";
export { awsSagemakerNotebookInstanceDisableDirectInternetAccess } from "./aws-sagemaker-notebook-instance-disable-direct-internet-access";
export { awsSagemakerNotebookInstanceDisableRootAccess } from "./aws-sagemaker-notebook-instance-disable-root-access";
export { awsSagemakerNotebookInstanceEnableCmkEncryption } from "./aws-sagemaker-notebook-instance-enable-cmk-encryption";
