import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as aws from "@pulumi/aws";
import {
  Recorded,
  account,
  codeSigning,
  installMocks,
  one,
  policyOf,
  region,
  settle,
  valueOf,
  key,
} from "../../helpers/mocks";

let recorded: Recorded[];
let nf: typeof import("../../../components/aws/node-function");
let pkg: typeof import("../../../components/shared/function-package");
let awsModule: typeof aws;

beforeAll(async () => {
  recorded = await installMocks();
  nf = await import("../../../components/aws/node-function");
  pkg = await import("../../../components/shared/function-package");
  awsModule = await import("@pulumi/aws");
});

const table = `arn:aws:dynamodb:${region}:${account}:table/t1`;

describe("packageFunction", () => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "fn-cache-"));
  afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  it("bundles a handler into index.js with its source map, and reuses the cache while inputs are unchanged", async () => {
    const first = pkg.packageFunction({ entry: "functions/vitals-anomaly/handler.ts", cacheDir });
    expect(first.handler).toBe("index.handler");
    expect(Object.keys(await first.archive.assets)).toEqual(["index.js", "index.js.map"]);
    expect(first.inputs).toContain("functions/vitals-anomaly/handler.ts");
    expect(first.inputs.some((f) => f.includes("@aws-sdk"))).toBe(false);
    const code = fs.readFileSync(path.join(cacheDir, first.hash, "index.js"), "utf8");
    expect(code).toMatch(/require\("@aws-sdk\/client-dynamodb"\)/);
    expect(code).toMatch(/sourceMappingURL=index\.js\.map/);
    const mtime = fs.statSync(path.join(cacheDir, first.hash, "index.js")).mtimeMs;
    const second = pkg.packageFunction({ entry: "functions/vitals-anomaly/handler.ts", cacheDir });
    expect(second.hash).toBe(first.hash);
    expect(fs.statSync(path.join(cacheDir, first.hash, "index.js")).mtimeMs).toBe(mtime);
  });

  it("keys the cache on the options: the secrets wrapper is a different bundle", () => {
    const plain = pkg.packageFunction({ entry: "functions/vitals-anomaly/handler.ts", cacheDir });
    const wrapped = pkg.packageFunction({
      entry: "functions/vitals-anomaly/handler.ts",
      cacheDir,
      resolveAwsSecrets: true,
    });
    expect(wrapped.hash).not.toBe(plain.hash);
    const code = fs.readFileSync(path.join(cacheDir, wrapped.hash, "index.js"), "utf8");
    expect(code).toMatch(/_SECRET_ARN/);
    expect(code).toMatch(/require\("@aws-sdk\/client-secrets-manager"\)/);
  });

  it("rebuilds when a bundled file changes", () => {
    // A fresh clone has no .cache yet.
    fs.mkdirSync(path.join(pkg.repositoryRoot, ".cache"), { recursive: true });
    const dir = fs.mkdtempSync(path.join(pkg.repositoryRoot, ".cache", "entry-"));
    try {
      const entry = path.relative(pkg.repositoryRoot, path.join(dir, "handler.ts"));
      fs.writeFileSync(path.join(dir, "dep.ts"), "export const answer = 41;\n");
      fs.writeFileSync(
        path.join(dir, "handler.ts"),
        'import { answer } from "./dep";\nexport const handler = async () => answer;\n',
      );
      const before = pkg.packageFunction({ entry, cacheDir });
      fs.writeFileSync(path.join(dir, "dep.ts"), "export const answer = 42;\n");
      const after = pkg.packageFunction({ entry, cacheDir });
      expect(after.hash).not.toBe(before.hash);
      expect(fs.readFileSync(path.join(cacheDir, after.hash, "index.js"), "utf8")).toMatch(/42/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names a missing entry", () => {
    expect(() => pkg.packageFunction({ entry: "functions/nope/handler.ts", cacheDir })).toThrow(
      'packageFunction: [entry] "functions/nope/handler.ts" does not exist',
    );
  });
});

describe("guards", () => {
  it.each([
    ["DB_PASSWORD", "hunter2"],
    ["API_TOKEN", "abc"],
    ["PHI_PSEUDONYM_KEY", "0123456789abcdef"],
    ["SOMETHING", "AKIAABCDEFGHIJKLMNOP"],
    ["CERT", "-----BEGIN RSA PRIVATE KEY-----\nMII"],
    ["UPSTREAM", "https://user:pa55@db.example.org/x"],
  ])("refuses %s as a plain environment variable", (name, value) => {
    expect(() => nf.assertNoSecret("f", name, value)).toThrow(
      `NodeFunction f: [environment.${name}]`,
    );
  });

  it.each([
    ["MEDIA_REGIONS", "eu-central-1,eu-west-1"],
    ["DB_PASSWORD_PARAMETER", "/mc-eu/db/password"],
    ["SIGNING_KEY", `arn:aws:secretsmanager:${region}:${account}:secret:x`],
  ])("accepts %s", (name, value) => {
    expect(() => nf.assertNoSecret("f", name, value)).not.toThrow();
  });

  it.each([
    [{ Action: "dynamodb:*", Resource: table }, '[policyStatements[0]] grants "dynamodb:*"'],
    [{ Action: "*", Resource: table }, '[policyStatements[0]] grants "*"'],
    [{ Action: ["kinesis:Get*"], Resource: table }, '[policyStatements[0]] grants "kinesis:Get*"'],
    [
      { Action: "dynamodb:GetItem", Resource: "*" },
      '[policyStatements[0]] applies to Resource "*"',
    ],
  ])("refuses broad statements (%j)", (s, message) => {
    expect(() => nf.assertLeastPrivilege("f", [s])).toThrow(message);
  });
});

describe("NodeFunction", () => {
  let fn: InstanceType<typeof nf.NodeFunction>;
  let provider: aws.Provider;
  let mine: Recorded[];

  beforeAll(async () => {
    provider = new awsModule.Provider("test-aws", { region });
    fn = new nf.NodeFunction(
      "video-meeting",
      {
        entry: "functions/video-meeting/handler.ts",
        namePrefix: "mc-eu",
        kmsKeyArn: key,
        logRetentionInDays: 2192,
        codeSigning,
        environment: { MEETINGS_TABLE: "mc-eu-meetings" },
        secrets: {
          PHI_PSEUDONYM_KEY: `arn:aws:secretsmanager:${region}:${account}:secret:mc-eu/pseudonym-key`,
        },
        policyStatements: [{ Sid: "Meetings", Action: ["dynamodb:GetItem"], Resource: table }],
        vpc: { subnetIds: ["subnet-1", "subnet-2"], securityGroupIds: ["sg-1"] },
        deadLetterQueueArn: `arn:aws:sqs:${region}:${account}:dlq`,
      },
      { providers: [provider] },
    );
    await valueOf(fn.functionArn);
    await settle();
    mine = recorded.filter((r) => r.name.startsWith("video-meeting"));
  });

  it("creates exactly the function, its package, signing job, log group, role, policy and attachments", () => {
    expect(mine.map((r) => `${r.type}::${r.name}`).sort()).toEqual(
      [
        "aws:cloudwatch/logGroup:LogGroup::video-meeting-logs",
        "aws:iam/role:Role::video-meeting-role",
        "aws:iam/rolePolicy:RolePolicy::video-meeting-policy",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment::video-meeting-vpc",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment::video-meeting-xray",
        "aws:lambda/function:Function::video-meeting-function",
        "aws:s3/bucketObjectv2:BucketObjectv2::video-meeting-package",
        "aws:signer/signingJob:SigningJob::video-meeting-signing",
        "mediconnect:aws:NodeFunction::video-meeting",
      ].sort(),
    );
  });

  it("puts every custom child on the provider it was given", () => {
    for (const r of mine.filter((x) => x.custom && x.type.startsWith("aws:"))) {
      expect([
        r.name,
        r.provider?.split("::").slice(0, -1).join("::").endsWith("pulumi:providers:aws::test-aws"),
      ]).toEqual([r.name, true]);
    }
  });

  it("sets the secure Lambda defaults", () => {
    const f = one(recorded, "aws:lambda/function:Function", "video-meeting-function").inputs;
    expect({
      name: f.name,
      runtime: f.runtime,
      architectures: f.architectures,
      handler: f.handler,
      tracingConfig: f.tracingConfig,
      reservedConcurrentExecutions: f.reservedConcurrentExecutions,
      kmsKeyArn: f.kmsKeyArn,
      loggingConfig: f.loggingConfig,
      vpcConfig: f.vpcConfig,
      deadLetterConfig: f.deadLetterConfig,
      role: f.role,
    }).toEqual({
      name: "mc-eu-video-meeting",
      runtime: "nodejs22.x",
      architectures: ["arm64"],
      handler: "index.handler",
      tracingConfig: { mode: "Active" },
      reservedConcurrentExecutions: 10,
      kmsKeyArn: key,
      loggingConfig: {
        logFormat: "JSON",
        logGroup: "/aws/lambda/mc-eu-video-meeting",
        applicationLogLevel: "INFO",
        systemLogLevel: "WARN",
      },
      vpcConfig: { subnetIds: ["subnet-1", "subnet-2"], securityGroupIds: ["sg-1"] },
      deadLetterConfig: { targetArn: `arn:aws:sqs:${region}:${account}:dlq` },
      role: `arn:aws:iam::${account}:role/mc-eu-video-meeting-fn`,
    });
  });

  it("uploads the bundle as a versioned object in the artifact bucket", async () => {
    const pkgObject = one(
      recorded,
      "aws:s3/bucketObjectv2:BucketObjectv2",
      "video-meeting-package",
    );
    expect({ ...pkgObject.inputs, source: undefined }).toEqual({
      bucket: codeSigning.bucketName,
      key: "unsigned/mc-eu-video-meeting.zip",
      sourceHash: fn.codeHash,
      contentType: "application/zip",
      source: undefined,
    });
    // The archive is the bundle packageFunction built: index.js and its source map.
    expect(Object.keys(await pkgObject.inputs.source.assets)).toEqual(["index.js", "index.js.map"]);
  });

  it("signs exactly that object version with the stack's profile, failing the deployment if signing fails", () => {
    expect(
      one(recorded, "aws:signer/signingJob:SigningJob", "video-meeting-signing").inputs,
    ).toEqual({
      profileName: codeSigning.profileName,
      source: {
        s3: {
          bucket: codeSigning.bucketName,
          key: "unsigned/mc-eu-video-meeting.zip",
          version: "video-meeting-package-v1",
        },
      },
      destination: {
        s3: { bucket: codeSigning.bucketName, prefix: "signed/mc-eu-video-meeting/" },
      },
      ignoreSigningJobFailure: false,
    });
  });

  it("deploys the signed object (not the archive) under the enforcing code signing configuration", async () => {
    const f = one(recorded, "aws:lambda/function:Function", "video-meeting-function").inputs;
    const signedKey = "signed/mc-eu-video-meeting/video-meeting-signing-job.zip";
    expect({
      code: f.code,
      s3Bucket: f.s3Bucket,
      s3Key: f.s3Key,
      codeSigningConfigArn: f.codeSigningConfigArn,
      sourceCodeHash: f.sourceCodeHash,
    }).toEqual({
      code: undefined,
      s3Bucket: codeSigning.bucketName,
      s3Key: signedKey,
      codeSigningConfigArn: codeSigning.configArn,
      sourceCodeHash: fn.codeHash,
    });
    expect(await valueOf(fn.signedPackage)).toEqual({
      bucket: codeSigning.bucketName,
      key: signedKey,
    });
  });

  it("keeps the secret out of the environment: only its ARN, resolved by the bundled wrapper", () => {
    const f = one(recorded, "aws:lambda/function:Function", "video-meeting-function").inputs;
    expect(f.environment).toEqual({
      variables: {
        NODE_OPTIONS: "--enable-source-maps",
        MEETINGS_TABLE: "mc-eu-meetings",
        PHI_PSEUDONYM_KEY_SECRET_ARN: `arn:aws:secretsmanager:${region}:${account}:secret:mc-eu/pseudonym-key`,
      },
    });
    expect(fn.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(f.sourceCodeHash).toBe(fn.codeHash);
  });

  it("creates the log group explicitly, KMS-encrypted with the configured retention", () => {
    expect(one(recorded, "aws:cloudwatch/logGroup:LogGroup", "video-meeting-logs").inputs).toEqual({
      name: "/aws/lambda/mc-eu-video-meeting",
      kmsKeyId: key,
      retentionInDays: 2192,
    });
  });

  it("gives the role a Lambda trust policy and only scoped statements", () => {
    const role = one(recorded, "aws:iam/role:Role", "video-meeting-role");
    expect(policyOf(role, "assumeRolePolicy").Statement).toEqual([
      { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
    const policy = one(recorded, "aws:iam/rolePolicy:RolePolicy", "video-meeting-policy");
    expect(policy.inputs.role).toBe("mc-eu-video-meeting-fn");
    expect(policyOf(policy).Statement).toEqual([
      {
        Effect: "Allow",
        Sid: "WriteOwnLogs",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: `arn:aws:logs:${region}:${account}:log-group:/aws/lambda/mc-eu-video-meeting:*`,
      },
      {
        Effect: "Allow",
        Sid: "ReadSecret0",
        Action: "secretsmanager:GetSecretValue",
        Resource: `arn:aws:secretsmanager:${region}:${account}:secret:mc-eu/pseudonym-key`,
      },
      { Effect: "Allow", Sid: "DecryptSecrets", Action: "kms:Decrypt", Resource: key },
      {
        Effect: "Allow",
        Sid: "DeadLetter",
        Action: "sqs:SendMessage",
        Resource: `arn:aws:sqs:${region}:${account}:dlq`,
      },
      {
        Effect: "Allow",
        Sid: "DeadLetterKey",
        Action: ["kms:GenerateDataKey", "kms:Decrypt"],
        Resource: key,
      },
      { Effect: "Allow", Sid: "Meetings", Action: ["dynamodb:GetItem"], Resource: table },
    ]);
    expect(
      one(recorded, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "video-meeting-xray")
        .inputs.policyArn,
    ).toBe("arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess");
  });

  it("refuses a secret-looking variable, a zero concurrency and a missing entry, naming the argument", () => {
    const base = {
      entry: "functions/video-meeting/handler.ts",
      namePrefix: "mc",
      kmsKeyArn: key,
      logRetentionInDays: 2192,
      codeSigning,
    };
    expect(
      () => new nf.NodeFunction("bad1", { ...base, environment: { CLIENT_SECRET: "s3cr3t" } }),
    ).toThrow("NodeFunction bad1: [environment.CLIENT_SECRET] is named like a secret");
    expect(() => new nf.NodeFunction("bad2", { ...base, reservedConcurrentExecutions: 0 })).toThrow(
      "NodeFunction bad2: [reservedConcurrentExecutions] must be a whole number of at least 1, received 0",
    );
    expect(
      () => new nf.NodeFunction("bad3", { ...base, entry: "functions/missing/handler.ts" }),
    ).toThrow('[entry] "functions/missing/handler.ts" does not exist');
  });
});
