import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { physicalName } from "../shared/naming";
import { privateBucket } from "./private-bucket";
import { wholeNumber } from "../shared/validate";

/** The signing platform of Lambda zip packages. */
export const lambdaSigningPlatform = "AWSLambda-SHA384-ECDSA";

/** What a function needs to be deployed signed: where its package goes, who signs it, what Lambda enforces. */
export interface FunctionCodeSigning {
  /** The versioned, KMS-encrypted bucket holding unsigned packages (`unsigned/`) and signed ones (`signed/`). */
  readonly bucketName: pulumi.Input<string>;
  /** The AWS Signer profile that signs the packages. */
  readonly profileName: pulumi.Input<string>;
  /** The Lambda code signing configuration the function enforces. */
  readonly configArn: pulumi.Input<string>;
}

export interface CodeSigningArgs {
  /** Prefix of physical names (`<namePrefix>-<name>`). */
  readonly namePrefix: string;
  /** The customer-managed key of the artifact bucket's default encryption. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /**
   * Months a signature stays valid (AWS Signer accepts up to 135). Lambda refuses to deploy a package whose
   * signature has expired, so a function must be redeployed (re-signed) within this period.
   * @default 12
   */
  readonly signatureValidityMonths?: number;
  /**
   * Days a replaced package version is kept in the artifact bucket before it expires.
   * @default 90
   */
  readonly noncurrentVersionExpirationDays?: number;
  /** Extra tags; the provider's default tags carry the platform labels. @default none */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * Lambda code signing for the stack: an AWS Signer profile for Lambda packages, a code signing configuration that
 * trusts only that profile and enforces it on deployment (an unsigned or tampered package is refused), and the
 * private artifact bucket (versioned, as Signer requires, SSE-KMS, no public access, TLS only) that functions upload
 * their packages to and Signer writes the signed packages into.
 */
export class CodeSigning extends pulumi.ComponentResource implements FunctionCodeSigning {
  public readonly bucketName: pulumi.Output<string>;
  public readonly bucketArn: pulumi.Output<string>;
  public readonly profileName: pulumi.Output<string>;
  public readonly profileVersionArn: pulumi.Output<string>;
  public readonly configArn: pulumi.Output<string>;

  constructor(name: string, args: CodeSigningArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:aws:CodeSigning", name, {}, opts);
    const where = `CodeSigning ${name}`;
    const validityMonths = wholeNumber(
      where,
      "signatureValidityMonths",
      args.signatureValidityMonths ?? 12,
      1,
      135,
    );
    const noncurrentDays = wholeNumber(
      where,
      "noncurrentVersionExpirationDays",
      args.noncurrentVersionExpirationDays ?? 90,
      1,
    );
    const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;

    const { bucket } = privateBucket(
      name,
      {
        // Bucket names are global: the account id keeps two accounts of the same stack apart.
        bucket: pulumi.interpolate`${physicalName(args.namePrefix, `${name}-artifacts`, 50)}-${account}`,
        kmsKeyArn: args.kmsKeyArn,
        lifecycleRules: [
          {
            // Current packages stay as long as a function is deployed from them; old versions expire.
            id: "expire-replaced-packages",
            status: "Enabled",
            filter: {},
            noncurrentVersionExpiration: { noncurrentDays },
            abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
          },
        ],
        tags: args.tags,
      },
      this,
    );

    const profile = new aws.signer.SigningProfile(
      `${name}-profile`,
      {
        // Profile names allow only letters, digits and underscores, and a cancelled name can never be reused:
        // the provider appends a unique suffix to this prefix (at most 38 characters).
        namePrefix: `${physicalName(args.namePrefix, name, 37).replace(/-/g, "_")}_`,
        platformId: lambdaSigningPlatform,
        signatureValidityPeriod: { type: "MONTHS", value: validityMonths },
        tags: args.tags,
      },
      { parent: this },
    );

    const config = new aws.lambda.CodeSigningConfig(
      `${name}-config`,
      {
        description: `MediConnect ${args.namePrefix}: only packages signed by the platform's Signer profile deploy`,
        allowedPublishers: { signingProfileVersionArns: [profile.versionArn] },
        policies: { untrustedArtifactOnDeployment: "Enforce" },
        tags: args.tags,
      },
      { parent: this },
    );

    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
    this.profileName = profile.name;
    this.profileVersionArn = profile.versionArn;
    this.configArn = config.arn;
    this.registerOutputs({
      bucketName: this.bucketName,
      bucketArn: this.bucketArn,
      profileName: this.profileName,
      profileVersionArn: this.profileVersionArn,
      configArn: this.configArn,
    });
  }
}
