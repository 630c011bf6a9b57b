export { awsEc2DefaultSecurityGroupDisallowRules } from "./aws-ec2-default-security-group-disallow-rules";
export { awsEc2InstanceEnforceImdsv2 } from "./aws-ec2-instance-enforce-imdsv2";
export { awsEc2SecurityGroupDisallowPublicIngress } from "./aws-ec2-security-group-disallow-public-ingress";
export { awsEc2SecurityGroupRuleDisallowPublicIngress } from "./aws-ec2-security-group-rule-disallow-public-ingress";
