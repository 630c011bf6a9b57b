export { azureHealthcareApisFhirServiceConfigureAuthentication } from "./azure-healthcareapis-fhirservice-configure-authentication";
export { azureHealthcareApisFhirServiceConfigureFhirR4 } from "./azure-healthcareapis-fhirservice-configure-fhir-r4";
export { azureHealthcareApisFhirServiceConfigureVersioning } from "./azure-healthcareapis-fhirservice-configure-versioning";
export { azureHealthcareApisFhirServiceDisableImport } from "./azure-healthcareapis-fhirservice-disable-import";
export { azureHealthcareApisFhirServiceDisallowCorsWildcard } from "./azure-healthcareapis-fhirservice-disallow-cors-wildcard";
export { azureHealthcareApisFhirServiceMissingCmk } from "./azure-healthcareapis-fhirservice-missing-cmk";
export { azureHealthcareApisFhirServiceMissingManagedIdentity } from "./azure-healthcareapis-fhirservice-missing-managed-identity";
