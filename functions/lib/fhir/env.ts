/**
 * Environment of the containers that call the FHIR service with a managed identity (the consent gateway, the
 * erasure service): read at start-up; errors name the variable and what it should hold (never a secret's value).
 */
import { requireEnv } from "../aws/env";
import { PSEUDONYM_KEY_ENV } from "../logging";

export const ENVIRONMENT = {
  FHIR_URL: "the FHIR service URL, https://<workspace>-<service>.fhir.azurehealthcareapis.com",
  AZURE_CLIENT_ID: "the client id of the user-assigned managed identity",
  [PSEUDONYM_KEY_ENV]: "the HMAC key for pseudonyms in audit lines (at least 32 characters)",
} as const;

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
