import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";

export interface AdmissionPolicyArgs {
  /** The project whose Binary Authorization policy this is (one policy per project). */
  readonly projectId: string;
  /**
   * The images the project's clusters may run, each pinned by digest (`<registry>/<path>@sha256:<64 hex>`): each is
   * admitted by its exact name, so a new image is a reviewed change of this list.
   */
  readonly allowedImages: readonly string[];
}

const digestPinned =
  /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[a-z0-9]([a-z0-9._-]*[a-z0-9])?)+@sha256:[a-f0-9]{64}$/;

/**
 * The project's Binary Authorization policy, which GKE clusters enforce with `PROJECT_SINGLETON_POLICY_ENFORCE`:
 * every image is denied (blocked and audit-logged) unless it is one of the platform's digest-pinned images or a
 * Google-maintained system image (the global policy). No attestor is needed for this rule; a stricter project can
 * replace the allowlist by attestations later.
 */
export class AdmissionPolicy extends pulumi.ComponentResource {
  /** The policy's id (`projects/<project>/policy`). */
  public readonly policyId: pulumi.Output<string>;

  constructor(name: string, args: AdmissionPolicyArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:gcp:AdmissionPolicy", name, {}, opts);
    if (args.allowedImages.length === 0) {
      throw new Error(
        `AdmissionPolicy ${name}: [allowedImages] is empty; list the digest-pinned images the clusters run (every other image is denied).`,
      );
    }
    for (const image of args.allowedImages) {
      if (!digestPinned.test(image)) {
        throw new Error(
          `AdmissionPolicy ${name}: [allowedImages] must hold digest-pinned references, <registry>/<path>@sha256:<64 hex digits>, received ${JSON.stringify(image)} (a tag can be moved, a digest cannot).`,
        );
      }
    }
    const policy = new gcp.binaryauthorization.Policy(
      `${name}-policy`,
      {
        project: args.projectId,
        description:
          "MediConnect: only the platform's digest-pinned images and Google system images",
        globalPolicyEvaluationMode: "ENABLE",
        admissionWhitelistPatterns: [...new Set(args.allowedImages)].map((namePattern) => ({
          namePattern,
        })),
        defaultAdmissionRule: {
          evaluationMode: "ALWAYS_DENY",
          enforcementMode: "ENFORCED_BLOCK_AND_AUDIT_LOG",
        },
      },
      { parent: this },
    );
    this.policyId = policy.id;
    this.registerOutputs({ policyId: this.policyId });
  }
}
