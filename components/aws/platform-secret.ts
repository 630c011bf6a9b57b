import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { physicalName } from "../shared/naming";

export interface PlatformSecretArgs {
  /** Prefix of the secret's name (`<namePrefix>/<name>`). */
  readonly namePrefix: string;
  /** What the secret is for; becomes its description. */
  readonly description: string;
  /** The customer-managed key that encrypts the secret. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /**
   * The value, from a secret stack setting. Without one the secret is created empty and an operator puts the
   * value (`aws secretsmanager put-secret-value`), so it never passes through the program.
   * @default none
   */
  readonly value?: pulumi.Input<string>;
  /** Extra tags. @default none */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** A Secrets Manager secret encrypted with the platform CMK, with the longest recovery window. */
export class PlatformSecret extends pulumi.ComponentResource {
  public readonly secretArn: pulumi.Output<string>;
  public readonly secretName: pulumi.Output<string>;

  constructor(name: string, args: PlatformSecretArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:aws:PlatformSecret", name, {}, opts);
    const secret = new aws.secretsmanager.Secret(
      `${name}-secret`,
      {
        name: `${args.namePrefix}/${physicalName(args.namePrefix, name, 200).slice(args.namePrefix.length + 1)}`,
        description: args.description,
        kmsKeyId: args.kmsKeyArn,
        recoveryWindowInDays: 30,
        tags: args.tags,
      },
      { parent: this },
    );
    if (args.value !== undefined) {
      new aws.secretsmanager.SecretVersion(
        `${name}-value`,
        { secretId: secret.id, secretString: pulumi.secret(args.value) },
        { parent: this },
      );
    } else {
      pulumi.log.info(
        `PlatformSecret ${name}: created without a value; put one with aws secretsmanager put-secret-value before the functions that read it run.`,
        this,
      );
    }
    this.secretArn = secret.arn;
    this.secretName = secret.name;
    this.registerOutputs({ secretArn: this.secretArn, secretName: this.secretName });
  }
}
