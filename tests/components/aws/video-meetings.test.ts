import * as fs from "fs";
import * as path from "path";
import {
  Recorded,
  account,
  codeSigning,
  installMocks,
  one,
  policyOf,
  settle,
  statement,
  valueOf,
  key,
  arn,
  signedDeployment,
} from "../../helpers/mocks";

let recorded: Recorded[];
let video: typeof import("../../../components/aws/video-meetings");

const media = ["eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-north-1"];

beforeAll(async () => {
  recorded = await installMocks();
  video = await import("../../../components/aws/video-meetings");
  const meetings = new video.VideoMeetings("video", {
    namePrefix: "mc-eu",
    kmsKeyArn: key,
    logRetentionInDays: 2192,
    codeSigning,
    controlRegion: "eu-central-1",
    mediaRegions: media,
    appointmentsTable: {
      tableName: "mc-eu-appointments",
      tableArn: arn("dynamodb", "table/mc-eu-appointments"),
    },
    secrets: { PHI_PSEUDONYM_KEY: arn("secretsmanager", "secret:mc-eu/pseudonym-key") },
  });
  await valueOf(meetings.eventRuleArn);
  await settle();
});

describe("VideoMeetings", () => {
  it("passes the handler the tables, the media region allowlist and the control region; the key only by reference", () => {
    expect(
      one(recorded, "aws:lambda/function:Function", "video-meeting-function").inputs.environment
        .variables,
    ).toEqual({
      NODE_OPTIONS: "--enable-source-maps",
      APPOINTMENTS_TABLE: "mc-eu-appointments",
      MEETINGS_TABLE: "mc-eu-video-meetings",
      MEDIA_REGIONS: media.join(","),
      CHIME_CONTROL_REGION: "eu-central-1",
      PHI_PSEUDONYM_KEY_SECRET_ARN: arn("secretsmanager", "secret:mc-eu/pseudonym-key"),
    });
  });

  it("grants the Chime SDK meeting actions on meeting ARNs of the control region only, never *", () => {
    const policy = one(recorded, "aws:iam/rolePolicy:RolePolicy", "video-meeting-policy");
    expect(statement(policy, "ChimeMeetings")).toEqual({
      Effect: "Allow",
      Sid: "ChimeMeetings",
      Action: [...video.chimeMeetingActions],
      Resource: `arn:aws:chime:eu-central-1:${account}:meeting/*`,
    });
    expect(statement(policy, "ReadAppointments")).toEqual({
      Effect: "Allow",
      Sid: "ReadAppointments",
      Action: "dynamodb:GetItem",
      Resource: arn("dynamodb", "table/mc-eu-appointments"),
    });
    expect(statement(policy, "Meetings").Resource).toBe(
      arn("dynamodb", "table/mc-eu-video-meetings"),
    );
    expect(
      policyOf(policy)
        .Statement.flatMap((s) => [s["Resource"]].flat())
        .filter((r) => r === "*"),
    ).toEqual([]);
  });

  it("grants exactly the Chime SDK commands the handler sends, and nothing else", () => {
    const dir = path.join(__dirname, "../../../functions/video-meeting");
    const sent = new Set<string>();
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const code = fs.readFileSync(path.join(dir, file), "utf8");
      for (const m of code.matchAll(
        /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"@aws-sdk\/client-chime-sdk-meetings"/g,
      )) {
        for (const name of m[1].split(",").map((n) => n.trim())) {
          const command = /^(\w+)Command$/.exec(name);
          if (command && new RegExp(`new\\s+${name}\\(`).test(code)) {
            sent.add(`chime:${command[1]}`);
          }
        }
      }
    }
    // The scan must find the commands, or the comparison below would pass on two empty lists.
    expect(sent.size).toBeGreaterThan(0);
    const policy = one(recorded, "aws:iam/rolePolicy:RolePolicy", "video-meeting-policy");
    const granted = policyOf(policy)
      .Statement.flatMap((s) => [s["Action"]].flat())
      .filter((a: string) => a.startsWith("chime:"));
    expect([...granted].sort()).toEqual([...sent].sort());
  });

  it("keeps meetings in a CMK-encrypted table with TTL, PITR and deletion protection", () => {
    expect(one(recorded, "aws:dynamodb/table:Table", "video-meetings-table").inputs).toEqual({
      name: "mc-eu-video-meetings",
      billingMode: "PAY_PER_REQUEST",
      hashKey: "appointmentId",
      attributes: [{ name: "appointmentId", type: "S" }],
      serverSideEncryption: { enabled: true, kmsKeyArn: key },
      pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 28 },
      deletionProtectionEnabled: true,
      ttl: { attributeName: "expiresAt", enabled: true },
    });
  });

  it("delivers aws.chime events to a CMK-encrypted queue that only this rule may send to", () => {
    const rule = one(recorded, "aws:cloudwatch/eventRule:EventRule", "video-chime-events").inputs;
    expect([rule.name, JSON.parse(rule.eventPattern), rule.state]).toEqual([
      "mc-eu-video-chime-events",
      { source: ["aws.chime"] },
      "ENABLED",
    ]);
    expect(
      one(recorded, "aws:cloudwatch/eventTarget:EventTarget", "video-chime-events").inputs,
    ).toEqual({
      rule: "mc-eu-video-chime-events",
      arn: arn("sqs", "mc-eu-video-events"),
      retryPolicy: { maximumEventAgeInSeconds: 86400, maximumRetryAttempts: 185 },
    });
    expect(one(recorded, "aws:sqs/queue:Queue", "video-events-queue").inputs.kmsMasterKeyId).toBe(
      key,
    );
    expect(
      statement(
        one(recorded, "aws:sqs/queuePolicy:QueuePolicy", "video-events-policy"),
        "AllowSender0",
      ),
    ).toEqual({
      Sid: "AllowSender0",
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: "sqs:SendMessage",
      Resource: arn("sqs", "mc-eu-video-events"),
      Condition: { ArnEquals: { "aws:SourceArn": arn("events", "rule/mc-eu-video-chime-events") } },
    });
    expect(
      statement(
        one(recorded, "aws:sqs/queuePolicy:QueuePolicy", "video-events-policy"),
        "DenyInsecureTransport",
      ).Condition,
    ).toEqual({
      Bool: { "aws:SecureTransport": "false" },
    });
  });

  it("gives the function an encrypted dead-letter queue for asynchronous failures", () => {
    expect(
      one(recorded, "aws:lambda/function:Function", "video-meeting-function").inputs
        .deadLetterConfig,
    ).toEqual({
      targetArn: arn("sqs", "mc-eu-video-dead-letters"),
    });
    expect(
      one(recorded, "aws:sqs/queue:Queue", "video-dead-letters-queue").inputs.kmsMasterKeyId,
    ).toBe(key);
  });

  it("deploys its function signed, from the stack's artifact bucket under its code signing configuration", () => {
    expect(signedDeployment(recorded, "video-meeting")).toEqual([
      codeSigning.profileName,
      { s3: { bucket: codeSigning.bucketName, prefix: "signed/mc-eu-video-meeting/" } },
      codeSigning.configArn,
      codeSigning.bucketName,
      "signed/mc-eu-video-meeting/video-meeting-signing-job.zip",
    ]);
  });

  it("refuses an empty media region list, naming the argument", () => {
    expect(
      () =>
        new video.VideoMeetings("bad", {
          namePrefix: "mc",
          kmsKeyArn: key,
          logRetentionInDays: 2192,
          codeSigning,
          controlRegion: "eu-central-1",
          mediaRegions: [],
          appointmentsTable: { tableName: "t", tableArn: "arn" },
        }),
    ).toThrow(
      "VideoMeetings bad: [mediaRegions] must be a non-empty list of AWS regions, received []",
    );
  });
});
