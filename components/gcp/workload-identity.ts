import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { physicalName } from "../shared/naming";

export interface WorkloadIdentityArgs {
  /** Prefix of the service account id. */
  readonly namePrefix: string;
  /** The cluster's workload identity pool, `<project>.svc.id.goog`. */
  readonly workloadPool: pulumi.Input<string>;
  /** Namespace of the Kubernetes service account. */
  readonly namespace: string;
  /** Name of the Kubernetes service account that acts as this Google service account. */
  readonly kubernetesServiceAccount: string;
  /** What the workload does, for the service account's display name. */
  readonly purpose: string;
}

/**
 * A Google service account for one Kubernetes workload, with no roles of its own, that only the named Kubernetes
 * service account may impersonate (roles/iam.workloadIdentityUser for `<pool>[<namespace>/<ksa>]`): no key file ever
 * exists. Grant it access on the resources it uses, each at that resource.
 */
export class WorkloadIdentity extends pulumi.ComponentResource {
  public readonly email: pulumi.Output<string>;
  /** `serviceAccount:<email>`, as IAM bindings take it. */
  public readonly member: pulumi.Output<string>;

  constructor(
    name: string,
    args: WorkloadIdentityArgs,
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    super("mediconnect:gcp:WorkloadIdentity", name, {}, opts);
    for (const [field, value] of [
      ["namespace", args.namespace],
      ["kubernetesServiceAccount", args.kubernetesServiceAccount],
    ] as const) {
      if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(value)) {
        throw new Error(
          `WorkloadIdentity ${name}: [${field}] must be a Kubernetes name (lowercase letters, digits and hyphens, at most 63), received ${JSON.stringify(value)}`,
        );
      }
    }
    const account = new gcp.serviceaccount.Account(
      `${name}-account`,
      {
        accountId: physicalName(args.namePrefix, name, 30),
        displayName: args.purpose,
        description: `Workload identity of ${args.namespace}/${args.kubernetesServiceAccount}`,
      },
      { parent: this },
    );
    new gcp.serviceaccount.IAMMember(
      `${name}-workload-identity`,
      {
        serviceAccountId: account.name,
        role: "roles/iam.workloadIdentityUser",
        member: pulumi.interpolate`serviceAccount:${args.workloadPool}[${args.namespace}/${args.kubernetesServiceAccount}]`,
      },
      { parent: this },
    );
    this.email = account.email;
    this.member = account.member;
    this.registerOutputs({ email: this.email, member: this.member });
  }
}
