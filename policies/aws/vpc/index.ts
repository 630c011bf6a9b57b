export { awsVpcSecurityGroupIngressRuleDisallowPublicIngress } from "./aws-vpc-security-group-ingress-rule-disallow-public-ingress";
