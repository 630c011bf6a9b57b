export { gcpHealthcareDatasetMissingCmek } from "./gcp-healthcare-dataset-missing-cmek";
export { gcpHealthcareDatasetIamMemberDisallowPublicPrincipal } from "./gcp-healthcare-datasetiammember-disallow-public-principal";
export { gcpHealthcareFhirStoreConfigureFhirR4 } from "./gcp-healthcare-fhirstore-configure-fhir-r4";
export { gcpHealthcareFhirStoreEnableVersioning } from "./gcp-healthcare-fhirstore-enable-versioning";
export { gcpHealthcareFhirStoreIamMemberDisallowPublicPrincipal } from "./gcp-healthcare-fhirstoreiammember-disallow-public-principal";
