import {
  awsEbsEncryptionByDefaultEnableEncryption,
  awsEbsVolumeEnableCmkEncryption,
} from "../../../../policies/aws/ebs";
import * as ec2 from "../../../../policies/aws/ec2";
import * as lb from "../../../../policies/aws/lb";
import { awsVpcSecurityGroupIngressRuleDisallowPublicIngress } from "../../../../policies/aws/vpc";
import { describePolicy, unknown } from "../cases";

const exposure = "(Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1); GDPR Art. 32)";
const ingress = (
  protocol: string,
  fromPort: number,
  toPort: number,
  cidrBlocks: unknown,
  ipv6CidrBlocks?: unknown,
) => ({
  protocol,
  fromPort,
  toPort,
  cidrBlocks,
  ...(ipv6CidrBlocks ? { ipv6CidrBlocks } : {}),
});

describePolicy(ec2.awsEc2SecurityGroupDisallowPublicIngress, {
  type: "aws:ec2/securityGroup:SecurityGroup",
  compliant: [
    {
      ingress: [
        ingress("tcp", 443, 443, ["0.0.0.0/0"]),
        ingress("tcp", 5432, 5432, ["10.0.0.0/16"]),
      ],
    },
    { ingress: [ingress("icmp", -1, -1, ["0.0.0.0/0"])] },
  ],
  nonCompliant: [
    [
      "SSH and everything open",
      {
        ingress: [
          ingress("tcp", 443, 443, ["0.0.0.0/0"]),
          ingress("tcp", 22, 22, ["0.0.0.0/0"]),
          ingress("-1", 0, 0, [], ["::/0"]),
        ],
      },
      [
        `ingress[1] allows port 22 (range 22-22) from 0.0.0.0/0; expected no public ingress to these ports. ${exposure}`,
        `ingress[2] allows all ports (protocol "-1") from ::/0; expected no public ingress to these ports. ${exposure}`,
      ],
    ],
    [
      "a range over RDP",
      { ingress: [ingress("tcp", 3000, 4000, ["0.0.0.0/0"])] },
      [
        `ingress[0] allows ports 3306, 3389 (range 3000-4000) from 0.0.0.0/0; expected no public ingress to these ports. ${exposure}`,
      ],
    ],
  ],
  absent: [{}, []],
  config: [
    [
      "restrictedPorts adds 443",
      { restrictedPorts: [443] },
      { ingress: [ingress("tcp", 443, 443, ["0.0.0.0/0"])] },
      [
        `ingress[0] allows port 443 (range 443-443) from 0.0.0.0/0; expected no public ingress to these ports. ${exposure}`,
      ],
    ],
    [
      "restrictedPorts replaces the list",
      { restrictedPorts: [443] },
      { ingress: [ingress("tcp", 5432, 5432, ["0.0.0.0/0"])] },
      [],
    ],
  ],
  unknown: [{ ingress: [ingress("tcp", 22, 22, unknown)] }],
});

describePolicy(ec2.awsEc2SecurityGroupRuleDisallowPublicIngress, {
  type: "aws:ec2/securityGroupRule:SecurityGroupRule",
  compliant: [
    {
      type: "ingress",
      securityGroupId: "sg",
      protocol: "tcp",
      fromPort: 22,
      toPort: 22,
      sourceSecurityGroupId: "sg-bastion",
    },
    {
      type: "egress",
      securityGroupId: "sg",
      protocol: "-1",
      fromPort: 0,
      toPort: 0,
      cidrBlocks: ["0.0.0.0/0"],
    },
  ],
  nonCompliant: [
    [
      "RDP from anywhere",
      {
        type: "ingress",
        securityGroupId: "sg",
        protocol: "tcp",
        fromPort: 3389,
        toPort: 3389,
        cidrBlocks: ["0.0.0.0/0"],
      },
      [
        `The rule allows port 3389 (range 3389-3389) from 0.0.0.0/0; expected no public ingress to these ports. ${exposure}`,
      ],
    ],
  ],
  absent: [
    { type: "ingress", securityGroupId: "sg", protocol: "tcp", fromPort: 22, toPort: 22 },
    [],
  ],
  config: [
    [
      "restrictedPorts adds 8080",
      { restrictedPorts: [8080] },
      {
        type: "ingress",
        securityGroupId: "sg",
        protocol: "tcp",
        fromPort: 8080,
        toPort: 8080,
        ipv6CidrBlocks: ["::/0"],
      },
      [
        `The rule allows port 8080 (range 8080-8080) from ::/0; expected no public ingress to these ports. ${exposure}`,
      ],
    ],
  ],
  unknown: [
    {
      type: "ingress",
      securityGroupId: "sg",
      protocol: "tcp",
      fromPort: 22,
      toPort: 22,
      cidrBlocks: unknown,
    },
  ],
});

describePolicy(awsVpcSecurityGroupIngressRuleDisallowPublicIngress, {
  type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  compliant: [
    { securityGroupId: "sg", ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" },
    { securityGroupId: "sg", ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "10.0.0.0/8" },
  ],
  nonCompliant: [
    [
      "all traffic from ::/0",
      { securityGroupId: "sg", ipProtocol: "-1", cidrIpv6: "::/0" },
      [
        `The rule allows all ports (protocol "-1") from ::/0; expected no public ingress to these ports. ${exposure}`,
      ],
    ],
    [
      "SSH from anywhere",
      { securityGroupId: "sg", ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" },
      [
        `The rule allows port 22 (range 22-22) from 0.0.0.0/0; expected no public ingress to these ports. ${exposure}`,
      ],
    ],
  ],
  absent: [
    {
      securityGroupId: "sg",
      ipProtocol: "tcp",
      fromPort: 22,
      toPort: 22,
      referencedSecurityGroupId: "sg-b",
    },
    [],
  ],
  config: [
    [
      "restrictedPorts adds 443",
      { restrictedPorts: [443] },
      {
        securityGroupId: "sg",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4: "0.0.0.0/0",
      },
      [
        `The rule allows port 443 (range 443-443) from 0.0.0.0/0; expected no public ingress to these ports. ${exposure}`,
      ],
    ],
  ],
  unknown: [
    { securityGroupId: "sg", ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: unknown },
  ],
});

const enc = "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";
describePolicy(awsEbsVolumeEnableCmkEncryption, {
  type: "aws:ebs/volume:Volume",
  compliant: [
    {
      availabilityZone: "eu-central-1a",
      encrypted: true,
      kmsKeyId: "arn:aws:kms:eu-central-1:123456789012:key/0000",
    },
  ],
  nonCompliant: [
    [
      "unencrypted",
      { availabilityZone: "eu-central-1a", encrypted: false },
      [`encrypted is false; expected true with a customer-managed kmsKeyId. ${enc}`],
    ],
    [
      "the AWS managed key",
      { availabilityZone: "eu-central-1a", encrypted: true },
      [
        `encrypted is true but kmsKeyId is not set (the AWS managed aws/ebs key); expected a customer-managed KMS key ARN. ${enc}`,
      ],
    ],
  ],
  absent: [
    { availabilityZone: "eu-central-1a" },
    [`encrypted is not set; expected true with a customer-managed kmsKeyId. ${enc}`],
  ],
  unknown: [{ availabilityZone: "eu-central-1a", encrypted: unknown }],
});

const imds = "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 32)";
describePolicy(ec2.awsEc2InstanceEnforceImdsv2, {
  type: "aws:ec2/instance:Instance",
  compliant: [
    { metadataOptions: { httpTokens: "required" } },
    { metadataOptions: { httpEndpoint: "disabled" } },
  ],
  nonCompliant: [
    [
      "optional tokens",
      { metadataOptions: { httpTokens: "optional" } },
      [`metadataOptions.httpTokens is "optional"; expected "required". ${imds}`],
    ],
  ],
  absent: [{}, [`metadataOptions.httpTokens is not set; expected "required". ${imds}`]],
  unknown: [{ metadataOptions: { httpTokens: unknown } }],
});

const transit = "(Control ID: HIPAA 164.312(e)(2)(ii); HIPAA 164.312(e)(1); GDPR Art. 32)";
const forward = [{ type: "forward", targetGroupArn: "tg" }];
const listener = (props: Record<string, unknown>) => ({
  loadBalancerArn: "lb",
  defaultActions: forward,
  ...props,
});
describePolicy(lb.awsLbListenerEnforceTlsPolicy, {
  type: "aws:lb/listener:Listener",
  compliant: [
    listener({
      protocol: "HTTPS",
      port: 443,
      certificateArn: "c",
      sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
    }),
    listener({
      protocol: "HTTP",
      port: 80,
      defaultActions: [
        { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
      ],
    }),
    listener({ protocol: "TCP", port: 5432 }),
  ],
  nonCompliant: [
    [
      "an old TLS policy",
      listener({ protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08" }),
      [
        `sslPolicy is "ELBSecurityPolicy-2016-08"; expected an ELBSecurityPolicy-TLS13-1-2 (or TLS13-1-3) policy. ${transit}`,
      ],
    ],
    [
      "plain HTTP forwarding",
      listener({ protocol: "HTTP", port: 80 }),
      [
        `protocol is "HTTP" and the default actions do not redirect to HTTPS; expected HTTPS or TLS. ${transit}`,
      ],
    ],
    [
      "TLS without a policy",
      listener({ protocol: "TLS" }),
      [
        `sslPolicy is not set; expected an ELBSecurityPolicy-TLS13-1-2 (or TLS13-1-3) policy. ${transit}`,
      ],
    ],
  ],
  absent: [
    listener({ port: 80 }),
    [
      `protocol is not set (HTTP) and the default actions do not redirect to HTTPS; expected HTTPS or TLS. ${transit}`,
    ],
  ],
  unknown: [listener({ protocol: "HTTPS", sslPolicy: unknown }), listener({ protocol: unknown })],
});

describePolicy(lb.awsLbLoadBalancerEnableDropInvalidHeaderFields, {
  type: "aws:lb/loadBalancer:LoadBalancer",
  compliant: [{ dropInvalidHeaderFields: true }, { loadBalancerType: "network" }],
  nonCompliant: [
    [
      "off",
      { loadBalancerType: "application", dropInvalidHeaderFields: false },
      [
        "dropInvalidHeaderFields is false; expected true. (Control ID: GDPR Art. 32; HIPAA 164.312(e)(1))",
      ],
    ],
  ],
  absent: [
    {},
    [
      "dropInvalidHeaderFields is not set; expected true. (Control ID: GDPR Art. 32; HIPAA 164.312(e)(1))",
    ],
  ],
  unknown: [{ dropInvalidHeaderFields: unknown }],
});

const edge = "(Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1))";
describePolicy(lb.awsLbLoadBalancerDisallowInternetFacing, {
  type: "aws:lb/loadBalancer:LoadBalancer",
  compliant: [{ internal: true }],
  nonCompliant: [
    [
      "internet-facing",
      { internal: false },
      [`internal is false; expected true for services that need no public entry point. ${edge}`],
    ],
  ],
  absent: [
    {},
    [
      `internal is not set (internet-facing by default); expected true for services that need no public entry point. ${edge}`,
    ],
  ],
  unknown: [{ internal: unknown }],
});

describePolicy(ec2.awsEc2DefaultSecurityGroupDisallowRules, {
  type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
  compliant: [{ vpcId: "vpc-1", ingress: [], egress: [] }],
  nonCompliant: [
    [
      "AWS's default self-referencing rules",
      {
        vpcId: "vpc-1",
        ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }],
        egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
      },
      [
        "The default security group has 1 ingress and 1 egress rule(s); expected none. (Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(e)(1))",
      ],
    ],
  ],
  absent: [{ vpcId: "vpc-1" }, []],
  unknown: [{ vpcId: "vpc-1", ingress: unknown }],
});

describePolicy(awsEbsEncryptionByDefaultEnableEncryption, {
  type: "aws:ebs/encryptionByDefault:EncryptionByDefault",
  compliant: [{ enabled: true }],
  nonCompliant: [["disabled", { enabled: false }, [`enabled is false; expected true. ${enc}`]]],
  absent: [{}, []],
  unknown: [{ enabled: unknown }],
});
