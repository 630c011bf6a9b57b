import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import { physicalName } from "../shared/naming";

/** The built-in roles the platform grants, by name, with their role definition GUIDs (the same in every tenant). */
export const builtInRoles = {
  "Key Vault Crypto Service Encryption User": "e147488a-f6f5-4113-8e2d-b22465e65bf6",
  "Cognitive Services OpenAI User": "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
  "FHIR Data Reader": "4c8d0bbc-75d3-4935-991f-5f3c56d81508",
  "FHIR Data Contributor": "5a1fc7df-4bf1-4951-a576-89034ee01acd",
  "Storage Blob Data Contributor": "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
  "Key Vault Secrets User": "4633458b-17de-408a-b874-0445c86b69e6",
} as const;
export type BuiltInRole = keyof typeof builtInRoles;

/** The role definition id of a built-in role inside a subscription. */
export function roleDefinitionId(subscriptionId: string, role: BuiltInRole): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${builtInRoles[role]}`;
}

/** One role on one resource: the scope is the resource itself (a key, an account), never its group or vault. */
export interface Grant {
  /** Short name of the grant, unique within the identity; it names the role assignment resource. */
  readonly name: string;
  readonly role: BuiltInRole;
  readonly scope: pulumi.Input<string>;
}

export interface WorkloadIdentityArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: pulumi.Input<string>;
  readonly namePrefix: string;
  /** The subscription whose built-in role definitions the assignments reference. */
  readonly subscriptionId: string;
  /** What the identity may do; every grant is scoped to one resource. */
  readonly grants: readonly Grant[];
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A user-assigned managed identity with exactly the role assignments it is given, each scoped to a single resource
 * (a key rather than its vault, an account rather than its resource group), so that a service or function holds no
 * key and no permission beyond what it uses.
 */
export class WorkloadIdentity extends pulumi.ComponentResource {
  /** Resource id of the identity (what `identity.userAssignedIdentities` takes), resolved after its grants exist. */
  public readonly identityId: pulumi.Output<string>;
  public readonly principalId: pulumi.Output<string>;
  /** Client id, what a workload sets as AZURE_CLIENT_ID to get tokens as this identity. */
  public readonly clientId: pulumi.Output<string>;

  constructor(
    name: string,
    args: WorkloadIdentityArgs,
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    super("mediconnect:azure:WorkloadIdentity", name, {}, opts);
    const names = args.grants.map((g) => g.name);
    const repeated = names.filter((n, i) => names.indexOf(n) !== i);
    if (repeated.length > 0) {
      throw new Error(
        `WorkloadIdentity ${name}: [grants] names must be unique, received ${JSON.stringify(repeated[0])} more than once`,
      );
    }
    const identity = new managedidentity.UserAssignedIdentity(
      `${name}-identity`,
      {
        resourceName: physicalName(args.namePrefix, name, 128),
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        tags: args.tags,
      },
      { parent: this },
    );
    const assignments = args.grants.map(
      (grant) =>
        new authorization.RoleAssignment(
          `${name}-${grant.name}`,
          {
            principalId: identity.principalId,
            principalType: "ServicePrincipal",
            roleDefinitionId: roleDefinitionId(args.subscriptionId, grant.role),
            scope: grant.scope,
            description: `${grant.role} for ${physicalName(args.namePrefix, name, 128)}`,
          },
          { parent: this },
        ),
    );
    // Handed out only once every grant exists, so a service configured with the identity (a key, an image pull)
    // is created after the role it needs.
    this.identityId = pulumi
      .all([identity.id, ...assignments.map((a) => a.id)])
      .apply(([id]) => id);
    this.principalId = identity.principalId;
    this.clientId = identity.clientId;
    this.registerOutputs({
      identityId: this.identityId,
      principalId: this.principalId,
      clientId: this.clientId,
    });
  }
}
