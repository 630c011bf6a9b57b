import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import {
  FunctionPackage,
  packageFunction,
  secretReferenceSuffix,
} from "../shared/function-package";
import { physicalName } from "../shared/naming";
import { FunctionCodeSigning, lambdaSigningPlatform } from "./code-signing";
import { wholeNumber } from "../shared/validate";
import { phiServices } from "../../policies/catalog/phi-services";

/** One statement of the function's own IAM policy, in the JSON policy language. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect?: "Allow" | "Deny";
  readonly Action: pulumi.Input<string> | pulumi.Input<pulumi.Input<string>[]>;
  readonly Resource: pulumi.Input<string> | pulumi.Input<pulumi.Input<string>[]>;
  readonly Condition?: pulumi.Input<
    Record<string, pulumi.Input<Record<string, pulumi.Input<unknown>>>>
  >;
}

export interface NodeFunctionArgs {
  /** The handler module relative to the repository root, bundled by packageFunction. */
  readonly entry: string;
  /** Prefix of physical names (`<namePrefix>-<name>`). */
  readonly namePrefix: string;
  /** The customer-managed key for the environment variables and the log group. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Retention of the function's log group, a value CloudWatch Logs accepts (from the stack configuration). */
  readonly logRetentionInDays: number;
  /**
   * The stack's code signing (its `CodeSigning` component): the package is uploaded to its artifact bucket, signed
   * by its Signer profile, and the function deploys the signed package under its enforcing code signing
   * configuration.
   */
  readonly codeSigning: FunctionCodeSigning;
  /**
   * Plain configuration for the handler. Values that look like secrets are refused: pass those in `secrets`.
   * @default none
   */
  readonly environment?: Record<string, pulumi.Input<string>>;
  /**
   * Secrets the handler reads as `process.env.<NAME>`, given as Secrets Manager secret ARNs. The environment only
   * holds `<NAME>_SECRET_ARN`; a wrapper resolves the value at cold start, and the role may read exactly these
   * secrets.
   * @default none
   */
  readonly secrets?: Record<string, pulumi.Input<string>>;
  /**
   * What the function may do, each statement resource-scoped. Wildcard actions on PHI services and `*` resources
   * are refused.
   * @default none beyond its own logs and X-Ray traces
   */
  readonly policyStatements?: readonly PolicyStatement[];
  /**
   * Concurrency reserved (and capped) for the function, so one flood cannot starve the account or a downstream
   * table.
   * @default 10
   */
  readonly reservedConcurrentExecutions?: number;
  /** @default 256 */
  readonly memorySize?: number;
  /** Seconds. @default 30 */
  readonly timeout?: number;
  /**
   * Private subnets and security groups: the function runs inside the VPC and reaches AWS services through its
   * endpoints.
   * @default not attached to a VPC
   */
  readonly vpc?: {
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
  };
  /**
   * SQS queue (KMS-encrypted) receiving asynchronous invocations that failed every retry. Synchronous callers (API
   * Gateway) and stream mappings (their own on-failure destination) do not need one.
   * @default none
   */
  readonly deadLetterQueueArn?: pulumi.Input<string>;
  /** Application log level in the JSON log format. @default "INFO" */
  readonly applicationLogLevel?: "TRACE" | "DEBUG" | "INFO" | "WARN" | "ERROR" | "FATAL";
  /** Extra tags; the provider's default tags carry the platform labels. @default none */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Names of variables that hold a secret rather than point at one. */
const secretName =
  /(SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|CREDENTIAL|PRIVATE_?KEY|API_?KEY|ACCESS_?KEY|_KEY$|^KEY$)/i;
/** Values that are secrets whatever their name: AWS keys, PEM blocks, JWTs, bearer tokens, URLs with a password. */
const secretValue = [
  /\b(AKIA|ASIA)[0-9A-Z]{16}\b/,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/,
  /^Bearer\s+\S+/i,
  /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i,
];
/** A reference to a secret store is fine whatever the variable is called. */
const reference = /^(arn:aws[a-z-]*:(secretsmanager|ssm):|\/)/;

/** Throws when a variable name or value looks like a secret; the message says where the secret belongs. */
export function assertNoSecret(
  functionName: string,
  variable: string,
  value: string | undefined,
): void {
  const fix =
    `pass it in [secrets] as a Secrets Manager secret ARN (the environment then holds only ${variable}${secretReferenceSuffix}), ` +
    "or keep an SSM SecureString parameter name in the environment and read it at cold start";
  if (value !== undefined && secretValue.some((p) => p.test(value))) {
    throw new Error(
      `NodeFunction ${functionName}: [environment.${variable}] holds a value that looks like a secret (not shown); ${fix}.`,
    );
  }
  if (secretName.test(variable) && !(value !== undefined && reference.test(value))) {
    throw new Error(
      `NodeFunction ${functionName}: [environment.${variable}] is named like a secret, received ${
        value === undefined
          ? "an unknown value"
          : "a value that is not a Secrets Manager or SSM reference"
      }; ${fix}.`,
    );
  }
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Throws for wildcard actions on PHI services, "*" actions and "*" resources. */
export function assertLeastPrivilege(
  functionName: string,
  statements: readonly PolicyStatement[],
): void {
  statements.forEach((s, i) => {
    const where = `NodeFunction ${functionName}: [policyStatements[${i}]]`;
    if (s.Effect === "Deny") {
      return;
    }
    for (const action of asList(s.Action)) {
      if (typeof action !== "string") {
        continue;
      }
      const [service, verb] = action.toLowerCase().split(":");
      if (
        action === "*" ||
        verb === undefined ||
        (phiServices.includes(service) && verb.includes("*"))
      ) {
        throw new Error(
          `${where} grants ${JSON.stringify(action)}; expected named actions (for example "dynamodb:GetItem"), ` +
            `never wildcards on ${phiServices.join(", ")}.`,
        );
      }
    }
    for (const resource of asList(s.Resource)) {
      if (resource === "*") {
        throw new Error(
          `${where} applies to Resource "*"; expected the ARNs of the resources the function uses.`,
        );
      }
    }
  });
}

/**
 * Checks the environment, secrets and statements before anything is registered, throwing with the argument named;
 * returns the reserved concurrency.
 */
export function checkNodeFunctionArgs(name: string, args: NodeFunctionArgs): number {
  const reserved = wholeNumber(
    `NodeFunction ${name}`,
    "reservedConcurrentExecutions",
    args.reservedConcurrentExecutions ?? 10,
    1,
  );
  const environment = args.environment ?? {};
  for (const [variable, value] of Object.entries(environment)) {
    if (typeof value === "string" || value === undefined) {
      assertNoSecret(name, variable, value);
    } else {
      // Known only at deployment: the name is checked now, the value when it resolves.
      if (secretName.test(variable)) {
        assertNoSecret(name, variable, undefined);
      }
      pulumi.output(value).apply((v) => assertNoSecret(name, variable, v));
    }
  }
  for (const variable of Object.keys(args.secrets ?? {})) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(variable)) {
      throw new Error(
        `NodeFunction ${name}: [secrets] key ${JSON.stringify(variable)} must be an environment variable name`,
      );
    }
    if (`${variable}${secretReferenceSuffix}` in environment) {
      throw new Error(
        `NodeFunction ${name}: [environment.${variable}${secretReferenceSuffix}] is set by [secrets.${variable}]; remove it from [environment]`,
      );
    }
  }
  assertLeastPrivilege(name, args.policyStatements ?? []);
  return reserved;
}

/** The statements every function gets besides its own: its logs, its secrets and its dead-letter queue. */
export function ownStatements(
  args: NodeFunctionArgs,
  logGroupArn: pulumi.Input<string>,
): PolicyStatement[] {
  const secrets = args.secrets ?? {};
  return [
    {
      Sid: "WriteOwnLogs",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: pulumi.interpolate`${logGroupArn}:*`,
    },
    ...Object.values(secrets).map((arn, i) => ({
      Sid: `ReadSecret${i}`,
      Action: "secretsmanager:GetSecretValue",
      Resource: arn,
    })),
    ...(Object.keys(secrets).length > 0
      ? [{ Sid: "DecryptSecrets", Action: "kms:Decrypt", Resource: args.kmsKeyArn }]
      : []),
    ...(args.deadLetterQueueArn
      ? [
          { Sid: "DeadLetter", Action: "sqs:SendMessage", Resource: args.deadLetterQueueArn },
          {
            Sid: "DeadLetterKey",
            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
            Resource: args.kmsKeyArn,
          },
        ]
      : []),
  ];
}

/** The function's environment: source maps on, the plain variables, and a `<NAME>_SECRET_ARN` per secret. */
export function functionVariables(args: NodeFunctionArgs): Record<string, pulumi.Input<string>> {
  return {
    NODE_OPTIONS: "--enable-source-maps",
    ...(args.environment ?? {}),
    ...Object.fromEntries(
      Object.entries(args.secrets ?? {}).map(([k, arn]) => [`${k}${secretReferenceSuffix}`, arn]),
    ),
  };
}

/**
 * A Node.js Lambda function with the platform's defaults: nodejs22.x on arm64, a package signed by the stack's
 * Signer profile and deployed under an enforcing code signing configuration, X-Ray active tracing, reserved
 * concurrency, a KMS-encrypted environment without secrets, an explicit KMS-encrypted log group with retention and
 * JSON logs, its own least-privilege role, and optionally a VPC attachment and a dead-letter queue.
 */
export class NodeFunction extends pulumi.ComponentResource {
  public readonly functionName: pulumi.Output<string>;
  public readonly functionArn: pulumi.Output<string>;
  public readonly invokeArn: pulumi.Output<string>;
  public readonly roleArn: pulumi.Output<string>;
  public readonly roleName: pulumi.Output<string>;
  public readonly logGroupName: pulumi.Output<string>;
  public readonly logGroupArn: pulumi.Output<string>;
  /** Hash of the bundled code. */
  public readonly codeHash: string;
  /** The signed package the function is deployed from. */
  public readonly signedPackage: pulumi.Output<{ bucket: string; key: string }>;

  constructor(name: string, args: NodeFunctionArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:aws:NodeFunction", name, {}, opts);
    const reserved = checkNodeFunctionArgs(name, args);
    const functionName = physicalName(args.namePrefix, name, 64);
    const pkg = packageFunction({
      entry: args.entry,
      resolveAwsSecrets: Object.keys(args.secrets ?? {}).length > 0,
    });

    const logGroup = this.createLogGroup(name, functionName, args);
    const { role, attachments } = this.createRole(name, functionName, args, logGroup.arn);
    const signed = this.signPackage(name, functionName, args, pkg);
    const fn = this.createFunction(name, functionName, args, {
      pkg,
      signed,
      role,
      logGroup,
      reserved,
      dependsOn: [logGroup, ...attachments],
    });

    this.functionName = fn.name;
    this.functionArn = fn.arn;
    this.invokeArn = fn.invokeArn;
    this.roleArn = role.arn;
    this.roleName = role.name;
    this.logGroupName = logGroup.name;
    this.logGroupArn = logGroup.arn;
    this.codeHash = pkg.hash;
    this.signedPackage = signed;
    this.registerOutputs({
      functionName: this.functionName,
      functionArn: this.functionArn,
      invokeArn: this.invokeArn,
      roleArn: this.roleArn,
      roleName: this.roleName,
      logGroupName: this.logGroupName,
      logGroupArn: this.logGroupArn,
      codeHash: this.codeHash,
      signedPackage: this.signedPackage,
    });
  }

  /** The explicit, KMS-encrypted log group with the stack's retention, named as Lambda names it. */
  private createLogGroup(
    name: string,
    functionName: string,
    args: NodeFunctionArgs,
  ): aws.cloudwatch.LogGroup {
    return new aws.cloudwatch.LogGroup(
      `${name}-logs`,
      {
        name: `/aws/lambda/${functionName}`,
        kmsKeyId: args.kmsKeyArn,
        retentionInDays: args.logRetentionInDays,
        tags: args.tags,
      },
      { parent: this },
    );
  }

  /**
   * The execution role, its inline policy (own statements and the caller's), X-Ray and, in a VPC, ENI management;
   * the attachments are returned so the function waits for its permissions.
   */
  private createRole(
    name: string,
    functionName: string,
    args: NodeFunctionArgs,
    logGroupArn: pulumi.Output<string>,
  ): { role: aws.iam.Role; attachments: pulumi.Resource[] } {
    const role = new aws.iam.Role(
      `${name}-role`,
      {
        name: physicalName(args.namePrefix, `${name}-fn`, 64),
        description: `Execution role of the ${functionName} function`,
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "lambda.amazonaws.com" },
              Action: "sts:AssumeRole",
            },
          ],
        }),
        maxSessionDuration: 3600,
        tags: args.tags,
      },
      { parent: this },
    );
    const statements = [...ownStatements(args, logGroupArn), ...(args.policyStatements ?? [])];
    const policy = new aws.iam.RolePolicy(
      `${name}-policy`,
      {
        role: role.name,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: statements.map((s) => ({ Effect: "Allow", ...s })),
        }),
      },
      { parent: this },
    );
    // X-Ray and ENI management have no resource-level permissions: AWS's managed policies are the scoped form.
    const tracing = new aws.iam.RolePolicyAttachment(
      `${name}-xray`,
      { role: role.name, policyArn: "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess" },
      { parent: this },
    );
    const attachments: pulumi.Resource[] = [policy, tracing];
    if (args.vpc) {
      attachments.push(
        new aws.iam.RolePolicyAttachment(
          `${name}-vpc`,
          {
            role: role.name,
            policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
          },
          { parent: this },
        ),
      );
    }
    return { role, attachments };
  }

  /** Uploads the unsigned package to the artifact bucket and signs it; resolves to the signed object. */
  private signPackage(
    name: string,
    functionName: string,
    args: NodeFunctionArgs,
    pkg: FunctionPackage,
  ): pulumi.Output<{ bucket: string; key: string }> {
    const unsigned = new aws.s3.BucketObjectv2(
      `${name}-package`,
      {
        bucket: args.codeSigning.bucketName,
        key: `unsigned/${functionName}.zip`,
        source: pkg.archive,
        sourceHash: pkg.hash,
        contentType: "application/zip",
        tags: args.tags,
      },
      { parent: this },
    );
    const signing = new aws.signer.SigningJob(
      `${name}-signing`,
      {
        profileName: args.codeSigning.profileName,
        source: {
          s3: { bucket: unsigned.bucket, key: unsigned.key, version: unsigned.versionId },
        },
        destination: {
          s3: { bucket: args.codeSigning.bucketName, prefix: `signed/${functionName}/` },
        },
        ignoreSigningJobFailure: false,
      },
      { parent: this },
    );
    return signing.signedObjects.apply((objects) => {
      const s3 = objects[0]?.s3s[0];
      if (!s3) {
        throw new Error(
          `NodeFunction ${name}: the signing job of unsigned/${functionName}.zip reported no signed object; expected one under signed/${functionName}/. Check the job in the AWS Signer console and that [codeSigning.profileName] names an active ${lambdaSigningPlatform} profile.`,
        );
      }
      return { bucket: s3.bucket, key: s3.key };
    });
  }

  /** The function itself, deployed from the signed package under the enforcing code signing configuration. */
  private createFunction(
    name: string,
    functionName: string,
    args: NodeFunctionArgs,
    parts: {
      pkg: FunctionPackage;
      signed: pulumi.Output<{ bucket: string; key: string }>;
      role: aws.iam.Role;
      logGroup: aws.cloudwatch.LogGroup;
      reserved: number;
      dependsOn: pulumi.Resource[];
    },
  ): aws.lambda.Function {
    const { pkg, signed, role, logGroup } = parts;
    return new aws.lambda.Function(
      `${name}-function`,
      {
        name: functionName,
        description: `MediConnect ${name} (${args.entry})`,
        role: role.arn,
        runtime: "nodejs22.x",
        architectures: ["arm64"],
        handler: pkg.handler,
        s3Bucket: signed.bucket,
        s3Key: signed.key,
        // Each signing job writes a new key; the bundle hash keeps a code change visible in the function's diff.
        sourceCodeHash: pkg.hash,
        codeSigningConfigArn: args.codeSigning.configArn,
        memorySize: args.memorySize ?? 256,
        timeout: args.timeout ?? 30,
        reservedConcurrentExecutions: parts.reserved,
        kmsKeyArn: args.kmsKeyArn,
        environment: { variables: functionVariables(args) },
        tracingConfig: { mode: "Active" },
        loggingConfig: {
          logFormat: "JSON",
          logGroup: logGroup.name,
          applicationLogLevel: args.applicationLogLevel ?? "INFO",
          systemLogLevel: "WARN",
        },
        vpcConfig: args.vpc
          ? { subnetIds: args.vpc.subnetIds, securityGroupIds: args.vpc.securityGroupIds }
          : undefined,
        deadLetterConfig: args.deadLetterQueueArn
          ? { targetArn: args.deadLetterQueueArn }
          : undefined,
        tags: args.tags,
      },
      { parent: this, dependsOn: parts.dependsOn },
    );
  }
}
