/**
 * Each stack's AWS side, run through the offline plan with the full policy pack: complete, on its explicit
 * provider, without unsuppressed mandatory violations, and (EU) entirely in EU regions.
 */
import { unknownValue } from "../../compliance/analyzer";
import { planStacks, stacks } from "../helpers/stack-plans";
import { allowedLocations } from "../../policies/catalog/residency";

const planOf = planStacks();

const isAws = (type: string) =>
  type.startsWith("aws:") || type.startsWith("mediconnect:aws:") || type === "pulumi:providers:aws";

describe.each(stacks)("offline plan of stack %s, AWS side", (stack) => {
  it("builds every AWS component", () => {
    const types = planOf(stack)
      .resources.filter((r) => r.type.startsWith("mediconnect:aws:"))
      .map((r) => `${r.type}::${r.name}`);
    expect(types).toEqual(
      expect.arrayContaining([
        "mediconnect:aws:KmsKey::phi",
        "mediconnect:aws:AccountBaseline::baseline",
        "mediconnect:aws:Identity::identity",
        "mediconnect:aws:PlatformSecret::pseudonym-key",
        "mediconnect:aws:PhiTable::appointments",
        "mediconnect:aws:VideoMeetings::video",
        "mediconnect:aws:NodeFunction::video-meeting",
        "mediconnect:aws:VitalsPipeline::vitals",
        "mediconnect:aws:NodeFunction::vitals-anomaly",
        "mediconnect:aws:HttpApi::api",
        "mediconnect:aws:Audit::audit",
        "mediconnect:aws:Alerting::alerting",
      ]),
    );
  });

  it("puts every AWS resource on the stack's one explicit AWS provider", () => {
    const plan = planOf(stack);
    const providers = plan.resources.filter((r) => r.type === "pulumi:providers:aws");
    expect(providers.map((p) => p.name)).toEqual([stack === "eu" ? "mc-eu-aws" : "mc-prod-aws"]);
    const without = plan.resources.filter(
      (r) => r.custom && r.type.startsWith("aws:") && r.provider !== providers[0].urn,
    );
    expect(without.map((r) => r.urn)).toEqual([]);
  });

  it("has no unsuppressed mandatory violation on any AWS resource", () => {
    const plan = planOf(stack);
    const awsUrns = new Set(plan.resources.filter((r) => isAws(r.type)).map((r) => r.urn));
    const mandatory = plan.evaluation.violations
      .filter((v) => v.enforcementLevel === "mandatory" && awsUrns.has(v.urn))
      .map((v) => `${v.policyName} on ${v.urn}: ${v.detail}`);
    expect(mandatory).toEqual([]);
  });

  it("runs both functions in the private subnets, reaching Chime through its endpoint", () => {
    const plan = planOf(stack);
    const functions = plan.resources.filter((r) => r.type === "aws:lambda/function:Function");
    expect(
      functions.map((f) => [
        f.name,
        (f.inputs["vpcConfig"] as { subnetIds?: unknown[] } | undefined)?.subnetIds?.length,
      ]),
    ).toEqual([
      ["video-meeting-function", 2],
      ["vitals-anomaly-function", 2],
    ]);
    const endpoints = plan.resources
      .filter((r) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint")
      .map((r) => String(r.inputs["serviceName"]));
    const region = stack === "eu" ? "eu-central-1" : "us-east-1";
    expect(endpoints).toContain(`com.amazonaws.${region}.meetings-chime`);
  });

  it("lets CloudTrail use the PHI key for exactly the trail the Audit component creates", () => {
    const plan = planOf(stack);
    const trail = plan.resources.filter((r) => r.type === "aws:cloudtrail/trail:Trail");
    expect(trail.map((t) => t.name)).toEqual(["audit-trail"]);
    const key = plan.resources.find((r) => r.type === "aws:kms/key:Key");
    const grants = (
      JSON.parse(String(key?.inputs["policy"])) as {
        Statement: { Principal?: { Service?: string }; Condition?: Record<string, any> }[];
      }
    ).Statement.filter((s) => s.Principal?.Service === "cloudtrail.amazonaws.com");
    const provider = plan.resources.find((r) => r.type === "pulumi:providers:aws");
    // Provider inputs travel JSON-encoded, as the engine sends them.
    const [account] = JSON.parse(String(provider?.inputs["allowedAccountIds"])) as string[];
    expect(grants.map((s) => s.Condition?.["ArnLike"]?.["aws:SourceArn"])).toEqual([
      `arn:aws:cloudtrail:${provider?.inputs["region"]}:${account}:trail/${trail[0].inputs["name"]}`,
    ]);
  });

  it("sends every alarm to a topic the on-call team is subscribed to, and vitals alerts to the clinicians", () => {
    const plan = planOf(stack);
    const subscriptions = plan.resources
      .filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription")
      .map((r) => ({
        topic: String(r.inputs["topic"]),
        protocol: String(r.inputs["protocol"]),
        endpoint: String(r.inputs["endpoint"]),
      }));
    const oncall =
      stack === "eu" ? "oncall@eu.mediconnect.example" : "oncall@us.mediconnect.example";
    const alarms = plan.resources.filter(
      (r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm",
    );
    expect(alarms.length).toBeGreaterThanOrEqual(10);
    const unreached = alarms.filter((a) => {
      const actions = (a.inputs["alarmActions"] as string[] | undefined) ?? [];
      return (
        actions.length === 0 ||
        !actions.every((topic) =>
          subscriptions.some(
            (s) => s.topic === topic && s.protocol === "email" && s.endpoint === oncall,
          ),
        )
      );
    });
    expect(unreached.map((a) => a.name)).toEqual([]);
    const alertTopic = plan.resources.find(
      (r) => r.type === "aws:sns/topic:Topic" && r.name === "vitals-alerts",
    );
    const fn = plan.resources.find(
      (r) => r.type === "aws:lambda/function:Function" && r.name === "vitals-anomaly-function",
    );
    const alertTopicArn = (fn?.inputs["environment"] as { variables: Record<string, string> })
      .variables["VITALS_ALERT_TOPIC_ARN"];
    expect(alertTopic).toBeDefined();
    expect(
      subscriptions
        .filter((s) => s.topic === alertTopicArn)
        .map((s) => [s.protocol, s.endpoint])
        .sort(),
    ).toEqual(
      [
        ["email", `clinicians-on-duty@${stack === "eu" ? "eu" : "us"}.mediconnect.example`],
        [
          "https",
          `https://${stack === "eu" ? "eu." : ""}app.mediconnect.example/api/alerts/vitals`,
        ],
      ].sort(),
    );
    expect(subscriptions.filter((s) => s.protocol === "http")).toEqual([]);
  });

  it("alarms on every function's errors and throttles", () => {
    const plan = planOf(stack);
    const functions = plan.resources
      .filter((r) => r.type === "aws:lambda/function:Function")
      .map((f) => String(f.inputs["name"]));
    const watched = plan.resources
      .filter(
        (r) =>
          r.type === "aws:cloudwatch/metricAlarm:MetricAlarm" &&
          r.inputs["namespace"] === "AWS/Lambda",
      )
      .map((a) => [
        (a.inputs["dimensions"] as Record<string, string>)["FunctionName"],
        a.inputs["metricName"],
      ]);
    expect(watched.sort()).toEqual(
      functions
        .flatMap((f) => [
          [f, "Errors"],
          [f, "Throttles"],
        ])
        .sort(),
    );
  });

  it("alarms on the depth of every dead-letter and on-failure queue", () => {
    const plan = planOf(stack);
    const queues = plan.resources.filter((r) => r.type === "aws:sqs/queue:Queue");
    // Queue URLs end in the queue name (the offline plan computes ARNs but not URLs).
    const nameOf = (ref: unknown) =>
      queues.find(
        (q) => q.outputs["arn"] === ref || String(ref).endsWith(`/${String(q.inputs["name"])}`),
      )?.inputs["name"];
    const of = (type: string) => plan.resources.filter((r) => r.type === type);
    const deadLetterRefs = [
      ...of("aws:lambda/function:Function").map(
        (f) => (f.inputs["deadLetterConfig"] as { targetArn?: string } | undefined)?.targetArn,
      ),
      ...of("aws:lambda/eventSourceMapping:EventSourceMapping").map(
        (m) =>
          (m.inputs["destinationConfig"] as { onFailure?: { destinationArn?: string } })?.onFailure
            ?.destinationArn,
      ),
      ...of("aws:iot/topicRule:TopicRule").map(
        (r) => (r.inputs["errorAction"] as { sqs?: { queueUrl?: string } })?.sqs?.queueUrl,
      ),
      ...of("aws:sns/topicSubscription:TopicSubscription")
        .filter((s) => s.inputs["protocol"] === "sqs")
        .map((s) => s.inputs["endpoint"]),
    ]
      // A reference the plan leaves unknown, as a preview does (the IoT error queue's URL), is named below.
      .filter((ref) => ref !== undefined && ref !== unknownValue);
    const deadLetterQueues = [...new Set(deadLetterRefs.map(nameOf))];
    expect(deadLetterQueues.length).toBeGreaterThanOrEqual(3);
    expect(deadLetterQueues.every((n) => typeof n === "string")).toBe(true);
    // The IoT rule's error queue is named by its URL, which the offline plan leaves unknown: named here.
    expect(
      of("aws:iot/topicRule:TopicRule").map(
        (r) => (r.inputs["errorAction"] as { sqs?: { queueUrl?: string } })?.sqs?.queueUrl,
      ),
    ).toEqual([unknownValue]);
    deadLetterQueues.push(`${stack === "eu" ? "mc-eu" : "mc-prod"}-vitals-ingest-errors`);
    const watched = of("aws:cloudwatch/metricAlarm:MetricAlarm")
      .filter((a) => a.inputs["namespace"] === "AWS/SQS")
      .map((a) => (a.inputs["dimensions"] as Record<string, string>)["QueueName"]);
    expect(deadLetterQueues.filter((n) => !watched.includes(n as string))).toEqual([]);
  });

  it("leaves no AWS policy undecided", () => {
    const plan = planOf(stack);
    const awsUrns = new Set(plan.resources.filter((r) => isAws(r.type)).map((r) => r.urn));
    expect(
      plan.evaluation.indeterminate
        .filter((f) => awsUrns.has(f.urn))
        .map((f) => `${f.policyName}: ${f.detail}`),
    ).toEqual([]);
  });
});

describe("EU residency of the AWS side", () => {
  const eu = allowedLocations.eu.aws;

  it("pins every AWS provider to an EU region", () => {
    const providers = planOf("eu").resources.filter((r) => r.type === "pulumi:providers:aws");
    expect(providers.map((p) => [p.name, eu.includes(String(p.inputs["region"]))])).toEqual([
      ["mc-eu-aws", true],
    ]);
  });

  it("places every AWS resource that names a region in an EU region", () => {
    const located = planOf("eu").resources.filter(
      (r) => isAws(r.type) && typeof r.inputs["region"] === "string",
    );
    expect(
      located
        .filter((r) => !eu.includes(String(r.inputs["region"])))
        .map((r) => `${r.urn}: ${r.inputs["region"]}`),
    ).toEqual([]);
  });

  it("keeps Chime control and media regions, and every ARN the program builds, in the EU", () => {
    const plan = planOf("eu");
    const fn = plan.resources.find(
      (r) => r.type === "aws:lambda/function:Function" && r.name === "video-meeting-function",
    );
    const variables = (fn?.inputs["environment"] as { variables: Record<string, string> })
      .variables;
    expect(variables["CHIME_CONTROL_REGION"]).toBe("eu-central-1");
    expect(variables["MEDIA_REGIONS"].split(",").filter((r) => !eu.includes(r))).toEqual([]);
    const regionsInArns = new Set(
      [
        ...JSON.stringify(
          plan.resources.filter((r) => isAws(r.type)).map((r) => r.inputs),
        ).matchAll(/arn:aws:[a-z0-9-]+:([a-z0-9-]*):/g),
      ]
        .map((m) => m[1])
        .filter((r) => r !== ""),
    );
    expect([...regionsInArns].filter((r) => !eu.includes(r))).toEqual([]);
  });
});
