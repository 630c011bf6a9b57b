/**
 * Container entry point: reads the environment (README.md), authenticates to the FHIR service with the
 * user-assigned managed identity (no keys) and serves POST /erasure on PORT.
 */
import { managedIdentityFhir } from "../lib/fhir/identity";
import { runService } from "../lib/http/service";
import { createLogger } from "../lib/logging";
import { readClientId, readFhirUrl, readPseudonymKey } from "../lib/fhir/env";
import { parseRetentionRules, RetentionRule } from "./exemptions";
import { erasureService } from "./handler";
import { FhirTaskProgressStore } from "./progress";

export const RETENTION_ENV = "ERASURE_RETENTION";

export interface ErasureSettings {
  readonly fhirUrl: string;
  readonly clientId: string;
  readonly pseudonymKey: string;
  readonly retention: RetentionRule[];
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): ErasureSettings {
  return {
    fhirUrl: readFhirUrl(env),
    clientId: readClientId(env),
    pseudonymKey: readPseudonymKey(env),
    retention: parseRetentionRules(env[RETENTION_ENV]),
  };
}

async function main(): Promise<void> {
  const settings = readSettings();
  const logger = createLogger({ serviceName: "gdpr-erasure", pseudonymKey: settings.pseudonymKey });
  const { fhir, readiness } = managedIdentityFhir(settings.fhirUrl, settings.clientId);
  await runService(
    erasureService(
      {
        fhir,
        progress: new FhirTaskProgressStore(fhir),
        logger,
        pseudonymKey: settings.pseudonymKey,
        retention: settings.retention,
      },
      readiness,
    ),
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
