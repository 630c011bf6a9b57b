import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { physicalName } from "../shared/naming";

/** Interface endpoints every platform VPC gets: what the functions call besides S3 and DynamoDB. */
export const defaultInterfaceServices = [
  "secretsmanager",
  "sns",
  "sqs",
  "kinesis-streams",
  "xray",
  "sts",
] as const;

export interface PrivateNetworkArgs {
  /** Prefix of physical names (`<namePrefix>-<name>`). */
  readonly namePrefix: string;
  /** The platform CMK for the flow log group. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Retention of the flow log group (from the stack configuration). */
  readonly logRetentionInDays: number;
  /**
   * IPv4 range of the VPC, a /16 to /24.
   * @default "10.40.0.0/16"
   */
  readonly cidrBlock?: string;
  /**
   * Availability zones with one private subnet each (2 or 3).
   * @default 2
   */
  readonly zoneCount?: number;
  /**
   * Services reached through interface endpoints (the part after `com.amazonaws.<region>.`). S3 and DynamoDB are
   * always reached through gateway endpoints.
   * @default ["secretsmanager", "sns", "sqs", "kinesis-streams", "xray", "sts"]
   */
  readonly interfaceServices?: readonly string[];
  /** Extra tags. @default none */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Services reached through gateway endpoints (free, routed by prefix list) rather than interface endpoints. */
export const gatewayServices = ["dynamodb", "s3"] as const;

const defaultCidrBlock = "10.40.0.0/16";

type Tagger = (suffix: string) => { Name: string };

/**
 * Checks the range and zone count, throwing with the argument named; returns the range's second octet (the
 * subnets are carved from it) and the zone count.
 */
export function checkPrivateNetworkArgs(
  name: string,
  args: Pick<PrivateNetworkArgs, "cidrBlock" | "zoneCount">,
): { secondOctet: string; zoneCount: number } {
  const cidr = args.cidrBlock ?? defaultCidrBlock;
  const match = /^10\.(\d{1,3})\.0\.0\/16$/.exec(cidr);
  if (!match || Number(match[1]) > 255) {
    throw new Error(
      `PrivateNetwork ${name}: [cidrBlock] must be a 10.x.0.0/16 range, received ${JSON.stringify(cidr)}`,
    );
  }
  const zoneCount = args.zoneCount ?? 2;
  if (![2, 3].includes(zoneCount)) {
    throw new Error(`PrivateNetwork ${name}: [zoneCount] must be 2 or 3, received ${zoneCount}`);
  }
  return { secondOctet: match[1], zoneCount };
}

/**
 * A VPC for functions that handle PHI: private subnets only (no internet gateway, no NAT), AWS services through
 * VPC endpoints, the default security group stripped of rules, flow logs of all traffic to a KMS-encrypted log
 * group, and a function security group whose only egress is HTTPS to the endpoints.
 */
export class PrivateNetwork extends pulumi.ComponentResource {
  public readonly vpcId: pulumi.Output<string>;
  public readonly subnetIds: pulumi.Output<string>[];
  /** Security group for functions: HTTPS out to the VPC's endpoints only. */
  public readonly functionSecurityGroupId: pulumi.Output<string>;

  constructor(name: string, args: PrivateNetworkArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:aws:PrivateNetwork", name, {}, opts);
    const { secondOctet, zoneCount } = checkPrivateNetworkArgs(name, args);
    const child = { parent: this };
    const region = aws.getRegionOutput({}, child).region;
    const tag = (suffix: string) => ({
      Name: physicalName(args.namePrefix, `${name}-${suffix}`, 255),
    });

    const vpc = this.createVpc(name, args, tag);
    const { routeTable, subnets } = this.createPrivateSubnets(
      name,
      vpc,
      secondOctet,
      zoneCount,
      tag,
    );
    this.createFlowLogs(name, args, vpc);
    const { functions, endpoints } = this.createSecurityGroups(name, args, vpc);
    this.createGatewayEndpoints(name, { vpc, routeTable, functions, region, tag });
    this.createInterfaceEndpoints(name, args, { vpc, subnets, endpoints, region, tag });

    this.vpcId = vpc.id;
    this.subnetIds = subnets.map((s) => s.id);
    this.functionSecurityGroupId = functions.id;
    this.registerOutputs({
      vpcId: this.vpcId,
      subnetIds: this.subnetIds,
      functionSecurityGroupId: this.functionSecurityGroupId,
    });
  }

  /** The VPC, with DNS for private endpoints, and its default security group stripped of every rule. */
  private createVpc(name: string, args: PrivateNetworkArgs, tag: Tagger): aws.ec2.Vpc {
    const child = { parent: this };
    const vpc = new aws.ec2.Vpc(
      `${name}-vpc`,
      {
        cidrBlock: args.cidrBlock ?? defaultCidrBlock,
        enableDnsHostnames: true,
        enableDnsSupport: true,
        tags: tag("vpc"),
      },
      child,
    );
    new aws.ec2.DefaultSecurityGroup(
      `${name}-default`,
      { vpcId: vpc.id, ingress: [], egress: [], tags: tag("default-closed") },
      child,
    );
    return vpc;
  }

  /** One private /20 per zone on a route table without any route out of the VPC. */
  private createPrivateSubnets(
    name: string,
    vpc: aws.ec2.Vpc,
    secondOctet: string,
    zoneCount: number,
    tag: Tagger,
  ): { routeTable: aws.ec2.RouteTable; subnets: aws.ec2.Subnet[] } {
    const child = { parent: this };
    const zones = aws.getAvailabilityZonesOutput({ state: "available" }, child).names;
    const routeTable = new aws.ec2.RouteTable(
      `${name}-private`,
      { vpcId: vpc.id, tags: tag("private") },
      child,
    );
    const subnets = Array.from({ length: zoneCount }, (_, i) => {
      const subnet = new aws.ec2.Subnet(
        `${name}-private-${i}`,
        {
          vpcId: vpc.id,
          cidrBlock: `10.${secondOctet}.${i * 16}.0/20`,
          availabilityZone: zones.apply((z) => z[i]),
          mapPublicIpOnLaunch: false,
          tags: tag(`private-${i}`),
        },
        child,
      );
      new aws.ec2.RouteTableAssociation(
        `${name}-private-${i}`,
        { subnetId: subnet.id, routeTableId: routeTable.id },
        child,
      );
      return subnet;
    });
    return { routeTable, subnets };
  }

  /** Flow logs of all traffic to a KMS-encrypted log group, delivered by a role only this account's VPCs assume. */
  private createFlowLogs(name: string, args: PrivateNetworkArgs, vpc: aws.ec2.Vpc): void {
    const child = { parent: this };
    const flowLogs = new aws.cloudwatch.LogGroup(
      `${name}-flow-logs`,
      {
        name: `/aws/vpc/${physicalName(args.namePrefix, name, 200)}/flow-logs`,
        kmsKeyId: args.kmsKeyArn,
        retentionInDays: args.logRetentionInDays,
        tags: args.tags,
      },
      child,
    );
    const flowRole = new aws.iam.Role(
      `${name}-flow-logs`,
      {
        name: physicalName(args.namePrefix, `${name}-flow-logs`, 64),
        assumeRolePolicy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "vpc-flow-logs.amazonaws.com" },
              Action: "sts:AssumeRole",
              Condition: {
                StringEquals: {
                  "aws:SourceAccount": aws.getCallerIdentityOutput({}, child).accountId,
                },
              },
            },
          ],
        }),
        tags: args.tags,
      },
      child,
    );
    new aws.iam.RolePolicy(
      `${name}-flow-logs`,
      {
        role: flowRole.name,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "DeliverFlowLogs",
              Effect: "Allow",
              Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
              Resource: pulumi.interpolate`${flowLogs.arn}:*`,
            },
          ],
        }),
      },
      child,
    );
    new aws.ec2.FlowLog(
      `${name}-flow-logs`,
      {
        vpcId: vpc.id,
        trafficType: "ALL",
        logDestinationType: "cloud-watch-logs",
        logDestination: flowLogs.arn,
        iamRoleArn: flowRole.arn,
        maxAggregationInterval: 60,
        tags: args.tags,
      },
      child,
    );
  }

  /** The functions' group (HTTPS out to the endpoints only) and the endpoints' group (HTTPS in from it only). */
  private createSecurityGroups(
    name: string,
    args: PrivateNetworkArgs,
    vpc: aws.ec2.Vpc,
  ): { functions: aws.ec2.SecurityGroup; endpoints: aws.ec2.SecurityGroup } {
    const child = { parent: this };
    const functions = new aws.ec2.SecurityGroup(
      `${name}-functions`,
      {
        vpcId: vpc.id,
        name: physicalName(args.namePrefix, `${name}-functions`, 255),
        description: "Functions handling PHI: HTTPS to the VPC endpoints only",
        tags: args.tags,
      },
      child,
    );
    const endpoints = new aws.ec2.SecurityGroup(
      `${name}-endpoints`,
      {
        vpcId: vpc.id,
        name: physicalName(args.namePrefix, `${name}-endpoints`, 255),
        description: "Interface endpoints: HTTPS from the functions only",
        tags: args.tags,
      },
      child,
    );
    new aws.vpc.SecurityGroupEgressRule(
      `${name}-functions-https`,
      {
        securityGroupId: functions.id,
        description: "HTTPS to interface endpoints",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        referencedSecurityGroupId: endpoints.id,
      },
      child,
    );
    new aws.vpc.SecurityGroupIngressRule(
      `${name}-endpoints-https`,
      {
        securityGroupId: endpoints.id,
        description: "HTTPS from functions",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        referencedSecurityGroupId: functions.id,
      },
      child,
    );
    return { functions, endpoints };
  }

  /** DynamoDB and S3 gateway endpoints on the private route table, each with an HTTPS egress rule to its prefix list. */
  private createGatewayEndpoints(
    name: string,
    on: {
      vpc: aws.ec2.Vpc;
      routeTable: aws.ec2.RouteTable;
      functions: aws.ec2.SecurityGroup;
      region: pulumi.Output<string>;
      tag: Tagger;
    },
  ): void {
    const child = { parent: this };
    for (const service of gatewayServices) {
      const gateway = new aws.ec2.VpcEndpoint(
        `${name}-${service}`,
        {
          vpcId: on.vpc.id,
          serviceName: pulumi.interpolate`com.amazonaws.${on.region}.${service}`,
          vpcEndpointType: "Gateway",
          routeTableIds: [on.routeTable.id],
          tags: on.tag(service),
        },
        child,
      );
      // Gateway endpoints are reached through the route table's prefix list.
      new aws.vpc.SecurityGroupEgressRule(
        `${name}-functions-${service}`,
        {
          securityGroupId: on.functions.id,
          description: `HTTPS to ${service} through its gateway endpoint`,
          ipProtocol: "tcp",
          fromPort: 443,
          toPort: 443,
          prefixListId: gateway.prefixListId,
        },
        child,
      );
    }
  }

  /** An interface endpoint with private DNS per service, in every subnet, behind the endpoints' group. */
  private createInterfaceEndpoints(
    name: string,
    args: PrivateNetworkArgs,
    on: {
      vpc: aws.ec2.Vpc;
      subnets: aws.ec2.Subnet[];
      endpoints: aws.ec2.SecurityGroup;
      region: pulumi.Output<string>;
      tag: Tagger;
    },
  ): void {
    for (const service of args.interfaceServices ?? defaultInterfaceServices) {
      new aws.ec2.VpcEndpoint(
        `${name}-${service}`,
        {
          vpcId: on.vpc.id,
          serviceName: pulumi.interpolate`com.amazonaws.${on.region}.${service}`,
          vpcEndpointType: "Interface",
          privateDnsEnabled: true,
          subnetIds: on.subnets.map((s) => s.id),
          securityGroupIds: [on.endpoints.id],
          tags: on.tag(service),
        },
        { parent: this },
      );
    }
  }
}
