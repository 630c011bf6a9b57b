import { stackAuditLogConfigureRetention as policy } from "../../../policies/stack";
import { checkStack, unknown } from "../harness";
import { controls, resource } from "./fixtures";

const c = controls.retention;
const groupArn = "arn:aws:logs:eu-central-1:210987654321:log-group:/mc-eu/cloudtrail";
const logGroup = (retentionInDays?: unknown) =>
  resource("aws:cloudwatch/logGroup:LogGroup", "trail-logs", {
    name: "/mc-eu/cloudtrail",
    arn: groupArn,
    ...(retentionInDays === undefined ? {} : { retentionInDays }),
  });
const trail = (cloudWatchLogsGroupArn: unknown = `${groupArn}:*`) =>
  resource("aws:cloudtrail/trail:Trail", "audit-trail", {
    isMultiRegionTrail: true,
    cloudWatchLogsGroupArn,
  });
const logBucket = (retentionDays?: unknown) =>
  resource("gcp:logging/projectBucketConfig:ProjectBucketConfig", "audit-bucket", {
    bucketId: "audit",
    location: "europe-west3",
    locked: true,
    ...(retentionDays === undefined ? {} : { retentionDays }),
  });
const workspace = (retentionInDays?: number) =>
  resource("azure-native:operationalinsights:Workspace", "audit-logs", {
    name: "mc-eu-audit",
    ...(retentionInDays ? { retentionInDays } : {}),
  });
const table = (totalRetentionInDays: number) =>
  resource("azure-native:operationalinsights:Table", "audit-table", {
    workspaceName: "mc-eu-audit",
    tableName: "AzureDiagnostics",
    retentionInDays: 730,
    totalRetentionInDays,
  });

describe("stack-audit-log-configure-retention", () => {
  it("passes six-year retention everywhere (Log Analytics through a table's archive)", async () => {
    const out = await checkStack(policy, [
      logGroup(3653),
      trail(),
      logBucket(2192),
      workspace(730),
      table(2557),
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
  });

  it("passes a CloudTrail log group that never expires (retentionInDays absent)", async () => {
    expect((await checkStack(policy, [logGroup(), trail()])).violations).toEqual([]);
  });

  it("reports short retention on each destination's URN", async () => {
    const group = logGroup(365);
    const bucket = logBucket(400);
    const ws = workspace(730);
    const out = await checkStack(policy, [group, trail(), bucket, ws, table(1000)]);
    expect(out.byUrn).toEqual([
      {
        urn: group.urn,
        message: `CloudWatch log group trail-logs (CloudTrail audit-trail) keeps logs 365 days; expected at least 2192. ${c}`,
      },
      {
        urn: bucket.urn,
        message: `Log bucket audit-bucket keeps logs 400 days; expected at least 2192. ${c}`,
      },
      {
        urn: ws.urn,
        message: `Log Analytics workspace audit-logs keeps logs 730 days and no table of it sets totalRetentionInDays >= 2192; expected at least 2192 days including archive. ${c}`,
      },
    ]);
  });

  it("reports defaults when retention is not set (absent) and a trail delivering outside the stack", async () => {
    const external = "arn:aws:logs:eu-central-1:210987654321:log-group:/org/trail:*";
    const t = trail(external);
    const out = await checkStack(policy, [t, logBucket(), workspace()]);
    expect(out.violations).toEqual([
      `CloudTrail trail audit-trail delivers to log group "${external}", which is not in this stack, so its retention cannot be verified; expected a log group in the stack keeping at least 2192 days. ${c}`,
      `Log bucket audit-bucket keeps logs 30 days (retentionDays not set); expected at least 2192. ${c}`,
      `Log Analytics workspace audit-logs keeps logs 30 days (retentionInDays not set) and no table of it sets totalRetentionInDays >= 2192; expected at least 2192 days including archive. ${c}`,
    ]);
  });

  it("uses minRetentionDays from config", async () => {
    expect(
      (
        await checkStack(policy, [logGroup(400), trail(), logBucket(400)], {
          minRetentionDays: 365,
        })
      ).violations,
    ).toEqual([]);
    expect(
      (await checkStack(policy, [logGroup(3653), trail()], { minRetentionDays: 4000 })).violations,
    ).toHaveLength(1);
  });

  it("is indeterminate when a retention is unknown", async () => {
    expect(await checkStack(policy, [logBucket(unknown)])).toMatchObject({
      violations: [],
      indeterminate: true,
    });
    expect(await checkStack(policy, [logGroup(unknown), trail()])).toMatchObject({
      violations: [],
      indeterminate: true,
    });
  });

  it("follows the trail to its log group by dependency while the ARN is unknown", async () => {
    const group = logGroup(30);
    const t = resource(
      "aws:cloudtrail/trail:Trail",
      "audit-trail",
      { cloudWatchLogsGroupArn: unknown },
      { cloudWatchLogsGroupArn: [group.urn] },
    );
    expect((await checkStack(policy, [group, t])).byUrn.map((v) => v.urn)).toEqual([group.urn]);
  });
});
