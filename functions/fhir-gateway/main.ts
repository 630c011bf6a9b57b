/**
 * Container entry point: reads the environment (README.md), authenticates to the FHIR service with the
 * user-assigned managed identity (Entra ID tokens for the service's own audience, no keys) and serves GET /fhir/*
 * on PORT.
 */
import { ManagedIdentityCredential, getBearerTokenProvider } from "@azure/identity";
import { requireEnv } from "../lib/aws/env";
import { FhirClient } from "../lib/fhir/client";
import { runService } from "../lib/http/service";
import { PSEUDONYM_KEY_ENV, createLogger } from "../lib/logging";
import { gatewayService } from "./handler";

export const ENVIRONMENT = {
  FHIR_URL: "the FHIR service URL, https://<workspace>-<service>.fhir.azurehealthcareapis.com",
  AZURE_CLIENT_ID: "the client id of the user-assigned managed identity",
  [PSEUDONYM_KEY_ENV]: "the HMAC key for pseudonyms in audit lines (at least 32 characters)",
} as const;

/** Optional: Consent.category codings a consent must carry one of, as space-separated <system>|<code>. */
export const CATEGORIES_ENV = "CONSENT_CATEGORIES";

export interface GatewaySettings {
  readonly fhirUrl: string;
  readonly clientId: string;
  readonly pseudonymKey: string;
  readonly categories: ReadonlyArray<{ system: string; code: string }>;
}

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The FHIR service URL: https, an Azure Health Data Services host, no path. */
export function readFhirUrl(env: NodeJS.ProcessEnv): string {
  const fhirUrl = requireEnv("FHIR_URL", ENVIRONMENT.FHIR_URL, env).replace(/\/+$/, "");
  if (!/^https:\/\/[a-z0-9][a-z0-9-]{1,60}\.fhir\.azurehealthcareapis\.com$/.test(fhirUrl)) {
    throw new Error(
      `environment variable FHIR_URL is ${JSON.stringify(fhirUrl)}; expected ${ENVIRONMENT.FHIR_URL}`,
    );
  }
  return fhirUrl;
}

export function readClientId(env: NodeJS.ProcessEnv): string {
  const clientId = requireEnv("AZURE_CLIENT_ID", ENVIRONMENT.AZURE_CLIENT_ID, env);
  if (!GUID_RE.test(clientId)) {
    throw new Error(
      `environment variable AZURE_CLIENT_ID is ${JSON.stringify(clientId)}; expected ${ENVIRONMENT.AZURE_CLIENT_ID} (a GUID)`,
    );
  }
  return clientId;
}

export function readPseudonymKey(env: NodeJS.ProcessEnv): string {
  const key = requireEnv(PSEUDONYM_KEY_ENV, ENVIRONMENT[PSEUDONYM_KEY_ENV], env);
  if (key.length < 32) {
    // The key is a secret: only its length is reported.
    throw new Error(
      `environment variable ${PSEUDONYM_KEY_ENV} has ${key.length} characters; expected ${ENVIRONMENT[PSEUDONYM_KEY_ENV]}`,
    );
  }
  return key;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): GatewaySettings {
  const categoriesText = env[CATEGORIES_ENV]?.trim() ?? "";
  const categories =
    categoriesText === ""
      ? []
      : categoriesText.split(/\s+/).map((item) => {
          const bar = item.lastIndexOf("|");
          if (bar <= 0 || bar === item.length - 1) {
            throw new Error(
              `environment variable ${CATEGORIES_ENV} holds ${JSON.stringify(item)}; expected space-separated <system>|<code> codings, for example http://loinc.org|59284-0`,
            );
          }
          return { system: item.slice(0, bar), code: item.slice(bar + 1) };
        });
  return {
    fhirUrl: readFhirUrl(env),
    clientId: readClientId(env),
    pseudonymKey: readPseudonymKey(env),
    categories,
  };
}

async function main(): Promise<void> {
  const settings = readSettings();
  const logger = createLogger({ serviceName: "fhir-gateway", pseudonymKey: settings.pseudonymKey });
  const credential = new ManagedIdentityCredential({ clientId: settings.clientId });
  // Azure Health Data Services issues data-plane access for tokens whose audience is the FHIR service URL.
  const token = getBearerTokenProvider(credential, `${settings.fhirUrl}/.default`);
  const fhir = new FhirClient({ baseUrl: settings.fhirUrl, token });
  const readiness = () =>
    token().then(
      (t) => t.length > 0,
      () => false,
    );
  await runService(
    gatewayService(
      {
        fhir,
        logger,
        pseudonymKey: settings.pseudonymKey,
        policy: { categories: settings.categories },
      },
      readiness,
    ),
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    // Start-up errors name environment variables, never request data.
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
