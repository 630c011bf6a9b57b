/**
 * Container entry point: reads the environment of CONTRACT.md and serves POST /risk on PORT. Credentials come from
 * GKE workload identity through Application Default Credentials (no key file).
 */
import { requireEnv } from "../lib/aws/env";
import { runService } from "../lib/http/service";
import { createLogger } from "../lib/logging";
import { riskService } from "./handler";
import {
  VertexTarget,
  VertexPredictor,
  createPredictionClient,
  regionalApiEndpoint,
} from "./vertex";

export const ENVIRONMENT = {
  VERTEX_PROJECT: "the GCP project id of the Vertex AI endpoint",
  VERTEX_REGION: "the region of the Vertex AI endpoint, for example europe-west3",
  VERTEX_ENDPOINT_ID: "the numeric Vertex AI endpoint id",
} as const;

export function readTarget(env: NodeJS.ProcessEnv = process.env): VertexTarget {
  const read = (name: keyof typeof ENVIRONMENT) => requireEnv(name, ENVIRONMENT[name], env);
  const project = read("VERTEX_PROJECT");
  if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(project)) {
    throw new Error(
      `environment variable VERTEX_PROJECT is ${JSON.stringify(project)}; expected ${ENVIRONMENT.VERTEX_PROJECT}`,
    );
  }
  const region = read("VERTEX_REGION");
  try {
    regionalApiEndpoint(region);
  } catch {
    throw new Error(
      `environment variable VERTEX_REGION is ${JSON.stringify(region)}; expected ${ENVIRONMENT.VERTEX_REGION}`,
    );
  }
  const endpointId = read("VERTEX_ENDPOINT_ID");
  if (!/^\d{1,30}$/.test(endpointId)) {
    throw new Error(
      `environment variable VERTEX_ENDPOINT_ID is ${JSON.stringify(endpointId)}; expected ${ENVIRONMENT.VERTEX_ENDPOINT_ID}`,
    );
  }
  return { project, region, endpointId };
}

async function main(): Promise<void> {
  const logger = createLogger({ serviceName: "risk-inference" });
  const target = readTarget();
  const client = createPredictionClient(target.region);
  const predictor = new VertexPredictor(client, target);
  // Ready once the client is initialised (its gRPC stub created); a failure keeps the pod out of the Service.
  const readiness = () =>
    client.initialize().then(
      () => true,
      () => false,
    );
  await runService(riskService({ predictor, logger }, readiness));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
