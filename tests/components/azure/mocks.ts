/**
 * Pulumi mocks for the Azure component tests: every registered resource is recorded with its inputs; computed
 * outputs (ARM ids, key URLs, identity ids, Container Apps domains) are derived from names the way Azure builds
 * them; every invoke throws, since no Azure component reads the cloud.
 */
import * as pulumi from "@pulumi/pulumi";
import { settled } from "../../helpers/mocks";

export const subscription = "00000000-0000-4000-8000-000000000002";
export const tenant = "00000000-0000-4000-8000-0000000000bb";
export const group = "mc-eu-platform";
export const workspaceId = `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.OperationalInsights/workspaces/mc-eu-audit`;

export interface Recorded {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
  readonly custom: boolean;
}

/** The ARM id the mocks give a resource: provider namespace and type from its token, name from its inputs. */
export function armId(type: string, name: string): string {
  const [, module, resource] = type.split(":");
  return `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.${module}/${resource}/${name}`;
}

/** Resources whose physical name input is not `<resource>Name`. */
const ownName: Readonly<Record<string, string>> = {
  "azure-native:storage:StorageAccount": "accountName",
  "azure-native:storage:BlobContainer": "containerName",
  "azure-native:managedidentity:UserAssignedIdentity": "resourceName",
  "azure-native:app:ManagedEnvironment": "environmentName",
  "azure-native:apimanagement:ApiManagementService": "serviceName",
  "azure-native:apimanagement:Api": "apiId",
};

function computed(
  type: string,
  name: string,
  inputs: Record<string, any>,
): Record<string, unknown> {
  switch (type) {
    case "azure-native:managedidentity:UserAssignedIdentity":
      return { principalId: `${name}-principal`, clientId: `${name}-client` };
    case "azure-native:keyvault:Vault":
      return {
        properties: {
          ...inputs["properties"],
          vaultUri: `https://${inputs["vaultName"]}.vault.azure.net/`,
        },
      };
    case "azure-native:keyvault:Key": {
      const uri = `https://${inputs["vaultName"]}.vault.azure.net/keys/${inputs["keyName"]}`;
      return { keyUri: uri, keyUriWithVersion: `${uri}/v1` };
    }
    case "azure-native:app:ManagedEnvironment":
      return {
        defaultDomain: "calm-sea-1234.germanywestcentral.azurecontainerapps.io",
        staticIp: "10.60.1.250",
      };
    case "azure-native:app:ContainerApp":
      return {
        configuration: {
          ...inputs["configuration"],
          ingress: {
            ...inputs["configuration"]?.["ingress"],
            fqdn: `${inputs["containerAppName"]}.calm-sea-1234.germanywestcentral.azurecontainerapps.io`,
          },
        },
      };
    case "azure-native:apimanagement:ApiManagementService":
      return { gatewayUrl: `https://${inputs["serviceName"]}.azure-api.net` };
    default:
      return {};
  }
}

/** Installs the mocks; call in beforeAll before importing the code under test. */
export async function installMocks(): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        recorded.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs,
          custom: args.custom ?? true,
        });
        const resource = args.type.split(":")[2] ?? "";
        const physical =
          args.inputs[`${resource.charAt(0).toLowerCase()}${resource.slice(1)}Name`] ??
          args.inputs[ownName[args.type] ?? ""] ??
          args.name;
        return {
          id: `${args.name}-id`,
          state: { ...args.inputs, name: physical, ...computed(args.type, args.name, args.inputs) },
        };
      },
      call: (args) => {
        throw new Error(`unexpected invoke ${args.token}`);
      },
    },
    "mediconnect",
    "test",
    false,
  );
  return recorded;
}

/** The value of an output, awaited (never assert inside an un-awaited apply). */
export function valueOf<T>(output: pulumi.Input<T> | pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => pulumi.output(output).apply((v) => resolve(v as T)));
}

export async function settle(): Promise<void> {
  await settled();
  await new Promise((r) => setTimeout(r, 50));
}

export function byType(recorded: readonly Recorded[], type: string): Recorded[] {
  return recorded.filter((r) => r.type === type);
}

/** The one resource of a type and name; fails loudly otherwise. */
export function one(recorded: readonly Recorded[], type: string, name: string): Recorded {
  const found = recorded.filter((r) => r.type === type && r.name === name);
  if (found.length !== 1) {
    throw new Error(
      `expected one ${type} named ${name}, found ${found.length}: ${recorded.map((r) => `${r.type}::${r.name}`).join(", ")}`,
    );
  }
  return found[0];
}
