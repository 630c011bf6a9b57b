/**
 * Container entry point: reads the environment (README.md), authenticates to the FHIR service with the
 * user-assigned managed identity (Entra ID tokens for the service's own audience, no keys) and serves GET /fhir/*
 * on PORT.
 */
import { managedIdentityFhir } from "../lib/fhir/identity";
import { runService } from "../lib/http/service";
import { readClientId, readFhirUrl, readPseudonymKey } from "../lib/fhir/env";
import { createLogger } from "../lib/logging";
import { gatewayService } from "./handler";

/** Optional: Consent.category codings a consent must carry one of, as space-separated <system>|<code>. */
export const CATEGORIES_ENV = "CONSENT_CATEGORIES";

export interface GatewaySettings {
  readonly fhirUrl: string;
  readonly clientId: string;
  readonly pseudonymKey: string;
  readonly categories: ReadonlyArray<{ system: string; code: string }>;
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
  const { fhir, readiness } = managedIdentityFhir(settings.fhirUrl, settings.clientId);
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
