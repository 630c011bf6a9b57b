import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { physicalName } from "../shared/naming";
import { wholeNumber } from "../shared/validate";

/**
 * A service principal that may use the key, with the conditions that tie each use to this account's resources.
 * A plain string is the same as `{ service }`: limited by `aws:SourceAccount`.
 */
export interface ServiceKeyGrant {
  /** The service principal, for example `cloudtrail.amazonaws.com`. */
  readonly service: string;
  /**
   * Resources on whose behalf the service may use the key (`aws:SourceArn`, ArnLike: wildcards allowed).
   * @default any resource of this account (`aws:SourceAccount` only)
   */
  readonly sourceArns?: readonly string[];
  /**
   * Conditions used instead of `aws:SourceAccount`/`aws:SourceArn`, for services that do not send those keys
   * (CloudWatch Logs identifies the log group in `kms:EncryptionContext:aws:logs:arn`).
   * @default the source conditions above
   */
  readonly condition?: Readonly<
    Record<string, Readonly<Record<string, string | readonly string[]>>>
  >;
}

export interface KmsKeyArgs {
  /** What the key protects; becomes the key's description. */
  readonly description: pulumi.Input<string>;
  /** The account that owns the key; its IAM policies decide who else may use it. */
  readonly accountId: pulumi.Input<string>;
  /** Prefix of the alias (`alias/<namePrefix>-<name>`). */
  readonly namePrefix: string;
  /**
   * AWS service principals that may use the key on behalf of this account (for example
   * `logs.eu-central-1.amazonaws.com`). A string is limited by `aws:SourceAccount`; a {@link ServiceKeyGrant} may
   * narrow it to source ARNs or give the condition the service documents.
   * @default none
   */
  readonly servicePrincipals?: pulumi.Input<pulumi.Input<string | ServiceKeyGrant>[]>;
  /**
   * Days between automatic rotations (AWS accepts 90 to 2560).
   * @default 365
   */
  readonly rotationPeriodInDays?: number;
  /**
   * Waiting period before a scheduled deletion takes effect (7 to 30 days).
   * @default 30, the longest, so a mistaken deletion can be cancelled
   */
  readonly deletionWindowInDays?: number;
  /** Extra tags; the provider's default tags already carry the platform labels. @default none */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A customer-managed KMS key for PHI with automatic rotation, a key policy that names its principals (no wildcard
 * principal anywhere) and an alias.
 */
export class KmsKey extends pulumi.ComponentResource {
  public readonly keyArn: pulumi.Output<string>;
  public readonly keyId: pulumi.Output<string>;
  public readonly aliasName: pulumi.Output<string>;

  constructor(name: string, args: KmsKeyArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:aws:KmsKey", name, {}, opts);
    const where = `KmsKey ${name}`;
    const rotationPeriodInDays = wholeNumber(
      where,
      "rotationPeriodInDays",
      args.rotationPeriodInDays ?? 365,
      90,
      2560,
    );
    const deletionWindowInDays = wholeNumber(
      where,
      "deletionWindowInDays",
      args.deletionWindowInDays ?? 30,
      7,
      30,
    );

    const policy = pulumi
      .all([args.accountId, args.servicePrincipals ?? []])
      .apply(([accountId, services]) => keyPolicy(accountId, services));

    const key = new aws.kms.Key(
      `${name}-key`,
      {
        description: args.description,
        enableKeyRotation: true,
        rotationPeriodInDays,
        deletionWindowInDays,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        isEnabled: true,
        multiRegion: false,
        bypassPolicyLockoutSafetyCheck: false,
        policy,
        tags: args.tags,
      },
      { parent: this },
    );

    const alias = new aws.kms.Alias(
      `${name}-alias`,
      { name: `alias/${physicalName(args.namePrefix, name, 250)}`, targetKeyId: key.keyId },
      { parent: this },
    );

    this.keyArn = key.arn;
    this.keyId = key.keyId;
    this.aliasName = alias.name;
    this.registerOutputs({ keyArn: this.keyArn, keyId: this.keyId, aliasName: this.aliasName });
  }
}

const serviceActions = [
  "kms:Encrypt*",
  "kms:Decrypt*",
  "kms:ReEncrypt*",
  "kms:GenerateDataKey*",
  "kms:DescribeKey",
];

/** The key policy: the account administers the key through IAM; named services may use it for this account only. */
export function keyPolicy(
  accountId: string,
  servicePrincipals: readonly (string | ServiceKeyGrant)[],
): string {
  const statements: object[] = [
    {
      Sid: "AccountAdministersKeyThroughIam",
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${accountId}:root` },
      Action: "kms:*",
      Resource: "*",
    },
  ];
  const plain = servicePrincipals.filter((p): p is string => typeof p === "string");
  if (plain.length > 0) {
    statements.push({
      Sid: "ServicesUseKeyForThisAccount",
      Effect: "Allow",
      Principal: { Service: [...plain] },
      Action: serviceActions,
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": accountId } },
    });
  }
  for (const grant of servicePrincipals.filter(
    (p): p is ServiceKeyGrant => typeof p !== "string",
  )) {
    const condition =
      grant.condition ??
      (grant.sourceArns && grant.sourceArns.length > 0
        ? {
            StringEquals: { "aws:SourceAccount": accountId },
            ArnLike: {
              "aws:SourceArn":
                grant.sourceArns.length === 1 ? grant.sourceArns[0] : [...grant.sourceArns],
            },
          }
        : { StringEquals: { "aws:SourceAccount": accountId } });
    statements.push({
      Sid: `Service${grant.service
        .split(".")
        .filter((part) => !["amazonaws", "com"].includes(part))
        .map((part) => part.replace(/[^A-Za-z0-9]/g, ""))
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join("")}UsesKey`,
      Effect: "Allow",
      Principal: { Service: grant.service },
      Action: serviceActions,
      Resource: "*",
      Condition: condition,
    });
  }
  return JSON.stringify({
    Version: "2012-10-17",
    Id: "mediconnect-key-policy",
    Statement: statements,
  });
}
