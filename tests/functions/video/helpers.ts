import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";

export function apiEvent(
  appointmentId: string | undefined,
  claims: Record<string, string | number | boolean | string[]> | undefined,
  body?: string,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  return {
    version: "2.0",
    routeKey: "POST /appointments/{appointmentId}/meeting",
    rawPath: `/appointments/${appointmentId}/meeting`,
    rawQueryString: "",
    headers: { "content-type": "application/json" },
    pathParameters: appointmentId === undefined ? undefined : { appointmentId },
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: "123456789012",
      apiId: "api",
      domainName: "api.example.org",
      domainPrefix: "api",
      http: {
        method: "POST",
        path: `/appointments/${appointmentId}/meeting`,
        protocol: "HTTP/1.1",
        sourceIp: "127.0.0.1",
        userAgent: "jest",
      },
      requestId: "req-1",
      routeKey: "POST /appointments/{appointmentId}/meeting",
      stage: "$default",
      time: "23/Nov/2026:12:00:00 +0000",
      timeEpoch: 1795435200000,
      authorizer: (claims === undefined
        ? undefined
        : {
            principalId: "",
            integrationLatency: 0,
            jwt: { claims, scopes: [] },
          }) as APIGatewayProxyEventV2WithJWTAuthorizer["requestContext"]["authorizer"],
    },
  };
}
