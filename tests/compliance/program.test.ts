/** The in-process program run: URNs, config, secrets, invokes and the engine's errors, through the worker. */
import * as path from "path";
import { runWorker } from "../../compliance/cli";

const root = path.resolve(__dirname, "../..");
const program = path.join(root, "tests/fixtures/programs/edge-cases");
const run = (stack: string) =>
  runWorker({ programDir: program, stack, packDir: path.join(root, "policies") });

describe("offline program run", () => {
  it("builds URNs as the engine does, with every ancestor's type", async () => {
    const result = await run("nested");
    if (!result.ok) {
      throw new Error(result.message);
    }
    expect(result.resources.map((r) => [r.urn, r.parent ?? null, r.provider ?? null])).toEqual(
      expect.arrayContaining([
        [
          "urn:pulumi:nested::edge::edge:index:Outer$edge:index:Inner$aws:kms/key:Key::outer-inner-key",
          "urn:pulumi:nested::edge::edge:index:Outer$edge:index:Inner::outer-inner",
          "urn:pulumi:nested::edge::pulumi:providers:aws::p",
        ],
        [
          "urn:pulumi:nested::edge::edge:index:Outer::outer",
          "urn:pulumi:nested::edge::pulumi:pulumi:Stack::edge-nested",
          null,
        ],
      ]),
    );
    expect(result.resources).toHaveLength(5);
  });

  it("runs with marked placeholders for encrypted config and applies Pulumi.yaml defaults", async () => {
    const result = await run("secrets");
    if (!result.ok) {
      throw new Error(result.message);
    }
    expect(result.placeholders).toEqual(["edge:apiToken"]);
    const parameter = result.resources.find((r) => r.type === "aws:ssm/parameter:Parameter")!;
    expect(parameter.inputs["value"]).toEqual({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      value: "offline-placeholder-secret:edge:apiToken",
    });
    expect(result.outputs).toEqual({ scenario: "secrets", count: 1 });
  });

  it("answers common invokes from the provider's configuration", async () => {
    const result = await run("invokes");
    if (!result.ok) {
      throw new Error(result.message);
    }
    const key = result.resources.find((r) => r.type === "aws:kms/key:Key")!;
    expect(key.inputs["description"]).toBe("eu-central-1");
    expect(JSON.parse(key.inputs["policy"] as string)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "Root",
          Effect: "Allow",
          Action: "kms:*",
          Resource: "*",
          Principal: { AWS: "arn:aws:iam::111122223333:root" },
        },
      ],
    });
  });

  it.each([
    [
      "unmocked",
      "program",
      'The program calls the function "aws:ec2/getInstanceTypeOffering:getInstanceTypeOffering", which has no offline mock.',
    ],
    [
      "defaultprovider",
      "program",
      "Default provider for 'aws' disabled. 'urn:pulumi:defaultprovider::edge::aws:kms/key:Key::no-provider' must use an explicit provider",
    ],
    [
      "badtype",
      "configuration",
      'Pulumi.badtype.yaml: [edge:count] is "many" (string); Pulumi.yaml declares it as integer.',
    ],
  ])(
    "reports %s as a %s error with a message that says what to fix",
    async (stack, kind, message) => {
      const result = await run(stack);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.kind).toBe(kind);
        expect(result.message).toContain(message);
      }
    },
  );
});
