/**
 * Container entry point: reads the environment of CONTRACT.md, authenticates to Azure OpenAI with the
 * user-assigned managed identity (Entra ID tokens, no API key), and serves POST /triage on PORT.
 */
import { ManagedIdentityCredential, getBearerTokenProvider } from "@azure/identity";
import { AzureOpenAI } from "openai";
import { requireEnv } from "../lib/aws/env";
import { runService } from "../lib/http/service";
import { createLogger } from "../lib/logging";
import { DEFAULT_RETRY } from "./model";
import { triageService } from "./handler";

/** Scope of Entra ID tokens for Azure OpenAI (Cognitive Services). */
export const COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default";

export const ENVIRONMENT = {
  AZURE_OPENAI_ENDPOINT: "the Azure OpenAI endpoint, https://<custom-subdomain>.openai.azure.com/",
  AZURE_OPENAI_DEPLOYMENT: "the model deployment name",
  AZURE_OPENAI_API_VERSION: "the Azure OpenAI API version, for example 2024-10-21",
  AZURE_CLIENT_ID: "the client id of the user-assigned managed identity",
} as const;

export interface TriageSettings {
  readonly endpoint: string;
  readonly deployment: string;
  readonly apiVersion: string;
  readonly clientId: string;
}

/** Reads and checks the environment; errors name the variable and what it should hold. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): TriageSettings {
  const read = (name: keyof typeof ENVIRONMENT) => requireEnv(name, ENVIRONMENT[name], env);
  const endpoint = read("AZURE_OPENAI_ENDPOINT");
  if (!/^https:\/\/[a-z0-9][a-z0-9-]{1,62}\.openai\.azure\.com\/?$/.test(endpoint)) {
    throw new Error(
      `environment variable AZURE_OPENAI_ENDPOINT is ${JSON.stringify(endpoint)}; expected ${ENVIRONMENT.AZURE_OPENAI_ENDPOINT} (a custom subdomain is required for Entra ID tokens)`,
    );
  }
  const apiVersion = read("AZURE_OPENAI_API_VERSION");
  if (!/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(apiVersion)) {
    throw new Error(
      `environment variable AZURE_OPENAI_API_VERSION is ${JSON.stringify(apiVersion)}; expected ${ENVIRONMENT.AZURE_OPENAI_API_VERSION}`,
    );
  }
  const clientId = read("AZURE_CLIENT_ID");
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clientId)) {
    throw new Error(
      `environment variable AZURE_CLIENT_ID is ${JSON.stringify(clientId)}; expected ${ENVIRONMENT.AZURE_CLIENT_ID} (a GUID)`,
    );
  }
  return { endpoint, deployment: read("AZURE_OPENAI_DEPLOYMENT"), apiVersion, clientId };
}

/** The Azure OpenAI client with managed-identity tokens; `fetch` is injectable for tests. */
export function azureClient(
  settings: TriageSettings,
  tokenProvider: () => Promise<string>,
  fetch?: typeof globalThis.fetch,
): AzureOpenAI {
  return new AzureOpenAI({
    endpoint: settings.endpoint,
    deployment: settings.deployment,
    apiVersion: settings.apiVersion,
    azureADTokenProvider: tokenProvider,
    maxRetries: 0,
    timeout: DEFAULT_RETRY.attemptTimeoutMs,
    ...(fetch ? { fetch } : {}),
  });
}

async function main(): Promise<void> {
  const logger = createLogger({ serviceName: "symptom-triage" });
  const settings = readSettings();
  const credential = new ManagedIdentityCredential({ clientId: settings.clientId });
  const tokenProvider = getBearerTokenProvider(credential, COGNITIVE_SERVICES_SCOPE);
  const client = azureClient(settings, tokenProvider);
  // Ready once the identity can obtain a token (the library caches and refreshes it).
  const readiness = () =>
    tokenProvider().then(
      (token) => token.length > 0,
      () => false,
    );
  await runService(
    triageService({ model: { client, deployment: settings.deployment }, logger }, readiness),
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    // Start-up errors name environment variables, never request data.
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
