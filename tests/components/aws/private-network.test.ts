import {
  Recorded,
  account,
  byType,
  installMocks,
  one,
  policyOf,
  region,
  settle,
  valueOf,
  key,
} from "../../helpers/mocks";

let recorded: Recorded[];
let net: typeof import("../../../components/aws/private-network");
let secretModule: typeof import("../../../components/aws/platform-secret");

beforeAll(async () => {
  recorded = await installMocks();
  net = await import("../../../components/aws/private-network");
  secretModule = await import("../../../components/aws/platform-secret");
  const network = new net.PrivateNetwork("network", {
    namePrefix: "mc-eu",
    kmsKeyArn: key,
    logRetentionInDays: 2192,
  });
  const empty = new secretModule.PlatformSecret("empty", {
    namePrefix: "mc-eu",
    description: "d",
    kmsKeyArn: key,
  });
  const set = new secretModule.PlatformSecret("set", {
    namePrefix: "mc-eu",
    description: "d",
    kmsKeyArn: key,
    value: "v".repeat(32),
  });
  await Promise.all([
    valueOf(network.functionSecurityGroupId),
    valueOf(empty.secretArn),
    valueOf(set.secretArn),
  ]);
  await settle();
});

describe("PrivateNetwork", () => {
  it("has private subnets only, in distinct zones, with no internet route", () => {
    expect(
      byType(recorded, "aws:ec2/subnet:Subnet").map((s) => [
        s.inputs.cidrBlock,
        s.inputs.availabilityZone,
        s.inputs.mapPublicIpOnLaunch,
      ]),
    ).toEqual([
      ["10.40.0.0/20", `${region}a`, false],
      ["10.40.16.0/20", `${region}b`, false],
    ]);
    expect(
      one(recorded, "aws:ec2/routeTable:RouteTable", "network-private").inputs.routes,
    ).toBeUndefined();
    expect(byType(recorded, "aws:ec2/internetGateway:InternetGateway")).toEqual([]);
    expect(byType(recorded, "aws:ec2/natGateway:NatGateway")).toEqual([]);
  });

  it("strips the default security group and lets functions out only on HTTPS to the endpoints", () => {
    expect(
      one(recorded, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "network-default").inputs,
    ).toMatchObject({ ingress: [], egress: [] });
    expect(
      one(
        recorded,
        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        "network-functions-https",
      ).inputs,
    ).toEqual({
      securityGroupId: "network-functions-id",
      description: "HTTPS to interface endpoints",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      referencedSecurityGroupId: "network-endpoints-id",
    });
    expect(
      one(
        recorded,
        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        "network-functions-dynamodb",
      ).inputs.prefixListId,
    ).toBe("pl-network-dynamodb");
  });

  it("reaches AWS services through endpoints in the stack's region", () => {
    const endpoints = byType(recorded, "aws:ec2/vpcEndpoint:VpcEndpoint").map((e) => [
      e.inputs.serviceName,
      e.inputs.vpcEndpointType,
    ]);
    expect(endpoints).toEqual([
      [`com.amazonaws.${region}.dynamodb`, "Gateway"],
      [`com.amazonaws.${region}.s3`, "Gateway"],
      ...["secretsmanager", "sns", "sqs", "kinesis-streams", "xray", "sts"].map((s) => [
        `com.amazonaws.${region}.${s}`,
        "Interface",
      ]),
    ]);
  });

  it("logs all traffic to a KMS-encrypted log group", () => {
    expect(one(recorded, "aws:ec2/flowLog:FlowLog", "network-flow-logs").inputs).toMatchObject({
      vpcId: "network-vpc-id",
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: `arn:aws:logs:${region}:${account}:log-group:/aws/vpc/mc-eu-network/flow-logs`,
      iamRoleArn: `arn:aws:iam::${account}:role/mc-eu-network-flow-logs`,
    });
    expect(one(recorded, "aws:cloudwatch/logGroup:LogGroup", "network-flow-logs").inputs).toEqual({
      name: "/aws/vpc/mc-eu-network/flow-logs",
      kmsKeyId: key,
      retentionInDays: 2192,
    });
    expect(
      policyOf(one(recorded, "aws:iam/role:Role", "network-flow-logs"), "assumeRolePolicy")
        .Statement[0].Condition,
    ).toEqual({
      StringEquals: { "aws:SourceAccount": account },
    });
  });

  it("refuses a range outside 10.x.0.0/16, naming the argument", () => {
    expect(
      () =>
        new net.PrivateNetwork("bad", {
          namePrefix: "mc",
          kmsKeyArn: key,
          logRetentionInDays: 2192,
          cidrBlock: "0.0.0.0/0",
        }),
    ).toThrow('PrivateNetwork bad: [cidrBlock] must be a 10.x.0.0/16 range, received "0.0.0.0/0"');
  });
});

describe("PlatformSecret", () => {
  it("encrypts the secret with the CMK and keeps the longest recovery window", () => {
    expect(one(recorded, "aws:secretsmanager/secret:Secret", "empty-secret").inputs).toEqual({
      name: "mc-eu/empty",
      description: "d",
      kmsKeyId: key,
      recoveryWindowInDays: 30,
    });
  });

  it("stores a value only when one is given, as a Pulumi secret", () => {
    const versions = byType(recorded, "aws:secretsmanager/secretVersion:SecretVersion");
    expect(versions.map((v) => [v.name, v.inputs.secretId])).toEqual([
      ["set-value", "set-secret-id"],
    ]);
  });
});
