/**
 * Pulumi mocks for the GCP and Kubernetes component tests: every registered resource is recorded with its inputs;
 * ids and computed outputs (key paths, service account addresses, the cluster's endpoint) are derived from the
 * inputs the way GCP builds them; any invoke throws with its token.
 */
import * as pulumi from "@pulumi/pulumi";
import { settled } from "../../helpers/mocks";

export const project = "mediconnect-prod-eu";

export interface Recorded {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
  readonly provider?: string;
}

function idOf(type: string, name: string, inputs: Record<string, any>): string {
  switch (type) {
    case "gcp:kms/keyRing:KeyRing":
      return `projects/${project}/locations/${inputs["location"]}/keyRings/${inputs["name"]}`;
    case "gcp:kms/cryptoKey:CryptoKey":
      return `${inputs["keyRing"]}/cryptoKeys/${inputs["name"]}`;
    case "gcp:compute/network:Network":
      return `projects/${project}/global/networks/${inputs["name"]}`;
    case "gcp:compute/subnetwork:Subnetwork":
      return `projects/${project}/regions/${inputs["region"]}/subnetworks/${inputs["name"]}`;
    case "gcp:container/cluster:Cluster":
      return `projects/${project}/locations/${inputs["location"]}/clusters/${inputs["name"]}`;
    default:
      return `${name}-id`;
  }
}

function computed(type: string, inputs: Record<string, any>): Record<string, unknown> {
  switch (type) {
    case "gcp:serviceaccount/account:Account": {
      const email = `${inputs["accountId"]}@${project}.iam.gserviceaccount.com`;
      return {
        email,
        member: `serviceAccount:${email}`,
        name: `projects/${project}/serviceAccounts/${email}`,
      };
    }
    case "gcp:projects/iAMCustomRole:IAMCustomRole":
      return { name: `projects/${project}/roles/${inputs["roleId"]}` };
    case "gcp:container/cluster:Cluster":
      return {
        endpoint: "172.16.0.34",
        masterAuth: { ...inputs["masterAuth"], clusterCaCertificate: "Q0EtREFUQQ==" },
      };
    case "gcp:logging/projectSink:ProjectSink":
      return { writerIdentity: "serviceAccount:service-1@gcp-sa-logging.iam.gserviceaccount.com" };
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
          provider: args.provider,
        });
        return {
          id: idOf(args.type, args.name, args.inputs),
          state: {
            ...args.inputs,
            name: args.inputs["name"] ?? args.name,
            ...computed(args.type, args.inputs),
          },
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

/** Waits until every registration the program started has been answered. */
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

/** A key id as ServiceKeys would hand it to a store. */
export const keyId = (location: string, name: string): string =>
  `projects/${project}/locations/${location}/keyRings/mc-eu-cmek-${name}/cryptoKeys/mc-eu-cmek-${name}-key`;
