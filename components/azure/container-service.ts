import * as pulumi from "@pulumi/pulumi";
import * as app from "@pulumi/azure-native/app";
import { physicalName } from "../shared/naming";
import { wholeNumber } from "../shared/validate";

/** registry/repository@sha256:<64 hex>: the only image reference a service accepts. */
export const digestPinnedImage =
  /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[a-z0-9]+([._-][a-z0-9]+)*)+@sha256:[0-9a-f]{64}$/;

/** Variable names that suggest a secret: app settings hold configuration only, credentials come from the identity. */
const secretLike = /(KEY|SECRET|PASSWORD|TOKEN|CONNECTION_?STRING|SAS)$/i;

export interface ContainerServiceArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: pulumi.Input<string>;
  readonly namePrefix: string;
  /** The (internal) Container Apps environment. */
  readonly environmentId: pulumi.Input<string>;
  /** Digest-pinned image, registry/repository@sha256:<64 hex>. */
  readonly image: string;
  /** The user-assigned identity the app runs as; it also pulls the image (AcrPull on the registry). */
  readonly identityId: pulumi.Input<string>;
  /** Client id of that identity, handed to the container as AZURE_CLIENT_ID. */
  readonly identityClientId: pulumi.Input<string>;
  /** Plain configuration for the container (no secrets: names ending in KEY, SECRET, TOKEN... are refused). */
  readonly environment: Readonly<Record<string, pulumi.Input<string>>>;
  /**
   * Secret environment variables, each read from a Key Vault secret by the app's identity (a Key Vault reference:
   * the value never passes through the program, its state or the app's configuration). Variable name to the
   * secret's URL, https://<vault>.vault.azure.net/secrets/<name>; the identity needs Key Vault Secrets User on it.
   * @default {} (no secrets)
   */
  readonly keyVaultSecrets?: Readonly<Record<string, pulumi.Input<string>>>;
  /** Address ranges (CIDR) allowed to reach the ingress: the API front door's subnet. At least one. */
  readonly allowedSourceRanges: readonly string[];
  /**
   * Port the container listens on (PORT).
   * @default 8080
   */
  readonly port?: number;
  /**
   * Replicas kept running and the most it scales to.
   * @default { min: 1, max: 10 }
   */
  readonly replicas?: { readonly min: number; readonly max: number };
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Container Apps secret names are lower case letters, digits and hyphens: PHI_PSEUDONYM_KEY -> phi-pseudonym-key. */
export function secretName(variable: string): string {
  return variable.toLowerCase().replace(/_/g, "-");
}

/**
 * One HTTP service in a container: a digest-pinned image run as a user-assigned identity (which also pulls it, so no
 * registry password exists), ingress over HTTPS only (allowInsecure false: the ingress answers plain HTTP with a
 * redirect, never serves it) and only from the listed address ranges, configuration without secrets (secrets only as
 * Key Vault references read by the identity), liveness on GET /healthz and readiness on GET /readyz.
 */
export class ContainerService extends pulumi.ComponentResource {
  public readonly appId: pulumi.Output<string>;
  /** Host name of the service inside the network (no scheme). */
  public readonly fqdn: pulumi.Output<string>;

  constructor(
    name: string,
    args: ContainerServiceArgs,
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    super("mediconnect:azure:ContainerService", name, {}, opts);
    const where = `ContainerService ${name}`;
    if (!digestPinnedImage.test(args.image)) {
      throw new Error(
        `${where}: [image] must be pinned by digest, registry/repository@sha256:<64 hex digits>, received ${JSON.stringify(args.image)}`,
      );
    }
    const secret = Object.keys(args.environment).find(
      (k) => secretLike.test(k) || k === "AZURE_CLIENT_ID" || k === "PORT",
    );
    if (secret !== undefined) {
      throw new Error(
        `${where}: [environment] must hold plain configuration only (credentials come from the managed identity; PORT and AZURE_CLIENT_ID are set by the component), received a variable named ${JSON.stringify(secret)}`,
      );
    }
    const keyVaultSecrets = args.keyVaultSecrets ?? {};
    const badSecret = Object.keys(keyVaultSecrets).find(
      (k) =>
        !/^[A-Z][A-Z0-9_]{0,63}$/.test(k) ||
        Object.hasOwn(args.environment, k) ||
        k === "AZURE_CLIENT_ID" ||
        k === "PORT",
    );
    if (badSecret !== undefined) {
      throw new Error(
        `${where}: [keyVaultSecrets] names environment variables (upper case, digits, underscores) not set elsewhere, received ${JSON.stringify(badSecret)}`,
      );
    }
    const cidr = /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/;
    const badRange = args.allowedSourceRanges.find((r) => !cidr.test(r) || r.endsWith("/0"));
    if (args.allowedSourceRanges.length === 0 || badRange !== undefined) {
      throw new Error(
        `${where}: [allowedSourceRanges] must list the IPv4 ranges (CIDR, not /0) allowed to call the service, received ${JSON.stringify(args.allowedSourceRanges)}`,
      );
    }
    const port = wholeNumber(where, "port", args.port ?? 8080, 1024, 65535);
    const replicas = args.replicas ?? { min: 1, max: 10 };
    wholeNumber(where, "replicas.min", replicas.min, 0, 300);
    wholeNumber(where, "replicas.max", replicas.max, Math.max(1, replicas.min), 300);
    const registry = args.image.split("/")[0];

    const service = new app.ContainerApp(
      `${name}-app`,
      {
        containerAppName: physicalName(args.namePrefix, name, 32),
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        environmentId: args.environmentId,
        workloadProfileName: "Consumption",
        identity: { type: "UserAssigned", userAssignedIdentities: [args.identityId] },
        configuration: {
          activeRevisionsMode: "Single",
          ingress: {
            // Inside an internal environment "external" means reachable from the network, never the internet.
            external: true,
            targetPort: port,
            transport: "http",
            allowInsecure: false,
            ipSecurityRestrictions: args.allowedSourceRanges.map((range, i) => ({
              name: `allow-${i}`,
              description: "API front door",
              action: "Allow",
              ipAddressRange: range,
            })),
          },
          registries: [{ server: registry, identity: args.identityId }],
          secrets: Object.entries(keyVaultSecrets).map(([variable, url]) => ({
            name: secretName(variable),
            keyVaultUrl: url,
            identity: args.identityId,
          })),
        },
        template: {
          containers: [
            {
              name,
              image: args.image,
              env: [
                { name: "PORT", value: String(port) },
                ...Object.entries(args.environment).map(([n, value]) => ({ name: n, value })),
                ...Object.keys(keyVaultSecrets).map((n) => ({ name: n, secretRef: secretName(n) })),
                { name: "AZURE_CLIENT_ID", value: args.identityClientId },
              ],
              resources: { cpu: 0.5, memory: "1Gi" },
              probes: [
                {
                  type: "Liveness",
                  httpGet: { path: "/healthz", port },
                  periodSeconds: 10,
                  failureThreshold: 3,
                },
                {
                  type: "Readiness",
                  httpGet: { path: "/readyz", port },
                  periodSeconds: 5,
                  failureThreshold: 3,
                },
              ],
            },
          ],
          scale: { minReplicas: replicas.min, maxReplicas: replicas.max },
        },
        tags: args.tags,
      },
      { parent: this },
    );

    this.appId = service.id;
    this.fqdn = service.configuration.apply((c) => c?.ingress?.fqdn ?? "");
    this.registerOutputs({ appId: this.appId, fqdn: this.fqdn });
  }
}
