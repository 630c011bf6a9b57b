import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface AccountBaselineArgs {
  /** The account the baseline applies to (the stack's account). */
  readonly accountId: pulumi.Input<string>;
  /**
   * Turns on EBS encryption by default in the provider's region, so no volume is ever written in clear.
   * @default true
   */
  readonly ebsEncryptionByDefault?: boolean;
}

/**
 * Account-wide guard rails: S3 public access blocked for every bucket of the account (all four settings), and EBS
 * encryption by default. Resources the platform creates carry their own controls as well.
 */
export class AccountBaseline extends pulumi.ComponentResource {
  public readonly publicAccessBlockId: pulumi.Output<string>;

  constructor(name: string, args: AccountBaselineArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:aws:AccountBaseline", name, {}, opts);
    const block = new aws.s3.AccountPublicAccessBlock(
      `${name}-s3-public-access`,
      {
        accountId: args.accountId,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      },
      { parent: this },
    );
    if (args.ebsEncryptionByDefault ?? true) {
      new aws.ebs.EncryptionByDefault(
        `${name}-ebs-encryption`,
        { enabled: true },
        { parent: this },
      );
    }
    this.publicAccessBlockId = block.id;
    this.registerOutputs({ publicAccessBlockId: this.publicAccessBlockId });
  }
}
