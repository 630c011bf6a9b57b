/**
 * Lambda entry point of the video meeting API (HTTP API, payload 2.0, Cognito JWT authorizer).
 * `createHandler` takes every dependency; `handler` wires the AWS ones from the environment at cold start.
 */
import { ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
} from "aws-lambda";
import { requireEnv } from "../lib/aws/env";
import { PSEUDONYM_KEY_ENV, createLogger } from "../lib/logging";
import { DynamoAppointmentStore, DynamoMeetingStore } from "./aws";
import { VideoHandler, createHandler } from "./meeting";

export { createHandler };
export type { VideoHandler, VideoHandlerDeps } from "./meeting";

/** The environment variables the deployed function reads. */
export const ENVIRONMENT = {
  APPOINTMENTS_TABLE:
    "the DynamoDB appointments table (appointmentId, patientUserId, clinicianUserIds)",
  MEETINGS_TABLE:
    "the DynamoDB table of appointment meetings (partition key appointmentId, TTL expiresAt)",
  MEDIA_REGIONS:
    "a comma-separated allowlist of Chime media regions, default first (EU: eu-central-1,eu-west-1,...)",
  CHIME_CONTROL_REGION: "the region of the Chime SDK Meetings API endpoint (EU: eu-central-1)",
  [PSEUDONYM_KEY_ENV]:
    "the HMAC key (at least 32 random bytes) for opaque Chime ids and log pseudonyms",
} as const;

function createAwsHandler(): VideoHandler {
  const env = Object.fromEntries(
    Object.entries(ENVIRONMENT).map(([name, expected]) => [name, requireEnv(name, expected)]),
  ) as Record<keyof typeof ENVIRONMENT, string>;
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
  });
  return createHandler({
    chime: new ChimeSDKMeetingsClient({ region: env.CHIME_CONTROL_REGION }),
    appointments: new DynamoAppointmentStore(doc, env.APPOINTMENTS_TABLE),
    meetings: new DynamoMeetingStore(doc, env.MEETINGS_TABLE),
    clock: { now: () => Date.now() },
    logger: createLogger({ serviceName: "video-meeting" }),
    config: {
      mediaRegions: env.MEDIA_REGIONS.split(",")
        .map((r) => r.trim())
        .filter((r) => r.length > 0),
      idKey: env[PSEUDONYM_KEY_ENV],
    },
  });
}

let wired: VideoHandler | undefined;

export async function handler(
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
): Promise<APIGatewayProxyStructuredResultV2> {
  wired ??= createAwsHandler();
  return wired(event);
}
