/**
 * The FHIR client of a container that runs as a user-assigned managed identity (the consent gateway, the erasure
 * service): Entra ID tokens for the FHIR service's own audience, no keys, and a readiness check that a token can
 * be had.
 */
import { ManagedIdentityCredential, getBearerTokenProvider } from "@azure/identity";
import { FhirClient } from "./client";

export interface ManagedIdentityFhir {
  readonly fhir: FhirClient;
  /** True once the identity obtains a token (the container's /readyz). */
  readonly readiness: () => Promise<boolean>;
}

export function managedIdentityFhir(fhirUrl: string, clientId: string): ManagedIdentityFhir {
  const credential = new ManagedIdentityCredential({ clientId });
  // Azure Health Data Services issues data-plane access for tokens whose audience is the FHIR service URL.
  const token = getBearerTokenProvider(credential, `${fhirUrl}/.default`);
  return {
    fhir: new FhirClient({ baseUrl: fhirUrl, token }),
    readiness: () =>
      token().then(
        (t) => t.length > 0,
        () => false,
      ),
  };
}
