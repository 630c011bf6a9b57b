export { azureFrontdoorPolicyEnforcePreventionMode } from "./azure-frontdoor-policy-enforce-prevention-mode";
