export { gcpHealthcareDatasetMissingCmek } from "./gcp-healthcare-dataset-missing-cmek";
export { gcpHealthcareDatasetiammemberDisallowPublicPrincipal } from "./gcp-healthcare-datasetiammember-disallow-public-principal";
export { gcpHealthcareFhirstoreConfigureFhirR4 } from "./gcp-healthcare-fhirstore-configure-fhir-r4";
export { gcpHealthcareFhirstoreEnableVersioning } from "./gcp-healthcare-fhirstore-enable-versioning";
export { gcpHealthcareFhirstoreiammemberDisallowPublicPrincipal } from "./gcp-healthcare-fhirstoreiammember-disallow-public-principal";
