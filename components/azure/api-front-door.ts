import * as pulumi from "@pulumi/pulumi";
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import * as monitor from "@pulumi/azure-native/monitor";
import { physicalName } from "../shared/naming";

/** Gateway protocol and cipher settings switched off: TLS 1.0/1.1, SSL 3.0 and triple DES, front and back end. */
export const legacyTlsOff: Readonly<Record<string, string>> = Object.fromEntries(
  [
    "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10",
    "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11",
    "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Ssl30",
    "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10",
    "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11",
    "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Ssl30",
    "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TripleDes168",
  ].map((k) => [k, "False"]),
);

const xmlEscape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The policy every request meets before it reaches a backend: an Entra ID token of the tenant issued for the API's
 * audience (else 401), a rate limit per client address, and no backend headers that reveal the platform in the response.
 */
export function gatewayPolicy(tenantId: string, audience: string, callsPerMinute: number): string {
  return [
    "<policies>",
    "  <inbound>",
    "    <base />",
    `    <validate-azure-ad-token tenant-id="${xmlEscape(tenantId)}" header-name="Authorization" failed-validation-httpcode="401">`,
    `      <audiences><audience>${xmlEscape(audience)}</audience></audiences>`,
    "    </validate-azure-ad-token>",
    `    <rate-limit-by-key calls="${callsPerMinute}" renewal-period="60" counter-key="@(context.Request.IpAddress)" />`,
    "  </inbound>",
    "  <backend><base /></backend>",
    "  <outbound>",
    "    <base />",
    '    <set-header name="Server" exists-action="delete" />',
    '    <set-header name="X-Powered-By" exists-action="delete" />',
    "  </outbound>",
    "  <on-error><base /></on-error>",
    "</policies>",
  ].join("\n");
}

/** One operation the front door forwards. */
export interface ApiRoute {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path below the API's path, for example /triage. */
  readonly path: string;
}

export interface ApiFrontDoorArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: pulumi.Input<string>;
  readonly namePrefix: string;
  readonly publisherEmail: string;
  /** The subnet delegated to Microsoft.Web/serverFarms through which the gateway reaches private backends. */
  readonly subnetId: pulumi.Input<string>;
  readonly auditWorkspaceId: pulumi.Input<string>;
  /** The Entra ID tenant whose tokens the gateway accepts. */
  readonly tenantId: string;
  /** The API published, its backend (https host inside the network) and the token audience it requires. */
  readonly api: {
    /** Short name, also the first path segment, for example "triage". */
    readonly name: string;
    readonly backendHost: pulumi.Input<string>;
    readonly audience: string;
    readonly routes: readonly ApiRoute[];
    /**
     * Requests per minute per client address.
     * @default 60
     */
    readonly callsPerMinute?: number;
  };
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * The one public entrance of the Azure side: an API Management gateway (Standard v2, regional, so requests are
 * terminated in the stack's location) that accepts HTTPS only with TLS 1.0/1.1 and SSL 3 off, requires an Entra ID
 * token for the API's audience on every request before it is forwarded, rate-limits per client address, forwards only the
 * declared routes over HTTPS through its virtual network integration to the internal backend, keeps the developer
 * portals off and sends its gateway logs to the audit workspace.
 */
export class ApiFrontDoor extends pulumi.ComponentResource {
  public readonly serviceId: pulumi.Output<string>;
  /** Public base URL of the API, for example https://<service>.azure-api.net/triage. */
  public readonly apiUrl: pulumi.Output<string>;

  constructor(name: string, args: ApiFrontDoorArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:azure:ApiFrontDoor", name, {}, opts);
    const where = `ApiFrontDoor ${name}`;
    if (!/^[a-z][a-z0-9-]{0,62}$/.test(args.api.name)) {
      throw new Error(
        `${where}: [api.name] must be lowercase letters, digits or hyphens starting with a letter, received ${JSON.stringify(args.api.name)}`,
      );
    }
    if (
      args.api.routes.length === 0 ||
      args.api.routes.some((r) => !/^\/[a-z0-9/_-]*$/.test(r.path))
    ) {
      throw new Error(
        `${where}: [api.routes] must list at least one route whose path starts with / (lowercase letters, digits, /, _ or -), received ${JSON.stringify(args.api.routes)}`,
      );
    }
    const calls = args.api.callsPerMinute ?? 60;
    const serviceName = physicalName(args.namePrefix, name, 50);

    const service = new apimanagement.ApiManagementService(
      `${name}-service`,
      {
        serviceName,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        sku: { name: "StandardV2", capacity: 1 },
        publisherEmail: args.publisherEmail,
        publisherName: "MediConnect",
        identity: { type: "SystemAssigned" },
        virtualNetworkType: "External",
        virtualNetworkConfiguration: { subnetResourceId: args.subnetId },
        publicNetworkAccess: "Enabled",
        customProperties: { ...legacyTlsOff },
        developerPortalStatus: "Disabled",
        legacyPortalStatus: "Disabled",
        tags: args.tags,
      },
      { parent: this },
    );

    const api = new apimanagement.Api(
      `${name}-${args.api.name}-api`,
      {
        apiId: args.api.name,
        serviceName: service.name,
        resourceGroupName: args.resourceGroupName,
        displayName: args.api.name,
        path: args.api.name,
        protocols: ["https"],
        serviceUrl: pulumi.interpolate`https://${args.api.backendHost}`,
        subscriptionRequired: false,
        apiType: "http",
      },
      { parent: this },
    );
    new apimanagement.ApiPolicy(
      `${name}-${args.api.name}-policy`,
      {
        apiId: api.name,
        serviceName: service.name,
        resourceGroupName: args.resourceGroupName,
        policyId: "policy",
        format: "xml",
        value: gatewayPolicy(args.tenantId, args.api.audience, calls),
      },
      { parent: this },
    );
    for (const route of args.api.routes) {
      const operationId =
        `${route.method.toLowerCase()}${route.path.replace(/[^a-z0-9]+/g, "-")}`.replace(/-+$/, "");
      new apimanagement.ApiOperation(
        `${name}-${args.api.name}-${operationId}`,
        {
          operationId,
          apiId: api.name,
          serviceName: service.name,
          resourceGroupName: args.resourceGroupName,
          displayName: `${route.method} ${route.path}`,
          method: route.method,
          urlTemplate: route.path,
        },
        { parent: this },
      );
    }

    new monitor.DiagnosticSetting(
      `${name}-diagnostics`,
      {
        name: `${serviceName}-gateway`,
        resourceUri: service.id,
        workspaceId: args.auditWorkspaceId,
        logAnalyticsDestinationType: "Dedicated",
        logs: [{ categoryGroup: "allLogs", enabled: true }],
        metrics: [{ category: "AllMetrics", enabled: true }],
      },
      { parent: this },
    );

    this.serviceId = service.id;
    this.apiUrl = pulumi.interpolate`${service.gatewayUrl}/${args.api.name}`;
    this.registerOutputs({ serviceId: this.serviceId, apiUrl: this.apiUrl });
  }
}
