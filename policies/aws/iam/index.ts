export { awsIamPolicyDisallowAdminAccess } from "./aws-iam-policy-disallow-admin-access";
export { awsIamPolicyDisallowChimeWildcardResource } from "./aws-iam-policy-disallow-chime-wildcard-resource";
export { awsIamPolicyDisallowPhiServiceWildcard } from "./aws-iam-policy-disallow-phi-service-wildcard";
export { awsIamRoleDisallowWildcardPrincipal } from "./aws-iam-role-disallow-wildcard-principal";
export { awsIamRolePolicyAttachmentDisallowAdminPolicy } from "./aws-iam-role-policy-attachment-disallow-admin-policy";
export { awsIamRolePolicyDisallowAdminAccess } from "./aws-iam-role-policy-disallow-admin-access";
export { awsIamRolePolicyDisallowChimeWildcardResource } from "./aws-iam-role-policy-disallow-chime-wildcard-resource";
export { awsIamRolePolicyDisallowPhiServiceWildcard } from "./aws-iam-role-policy-disallow-phi-service-wildcard";
