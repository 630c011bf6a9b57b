import * as policies from "../../../../policies/aws/apigatewayv2";
import { describePolicy, unknown } from "../cases";

const stage = "aws:apigatewayv2/stage:Stage";
const s = (props: Record<string, unknown> = {}) => ({ apiId: "api", name: "$default", ...props });
const logs = {
  destinationArn: "arn:aws:logs:eu-central-1:123456789012:log-group:api",
  format: '{"requestId":"$context.requestId"}',
};

describePolicy(policies.awsApigatewayv2StageEnableAccessLogging, {
  type: stage,
  compliant: [s({ accessLogSettings: logs })],
  nonCompliant: [],
  absent: [
    s(),
    [
      "accessLogSettings is not set; expected a destinationArn and a format. (Control ID: HIPAA 164.312(b); HIPAA 164.308(a)(1)(ii)(D); GDPR Art. 33)",
    ],
  ],
  unknown: [s({ accessLogSettings: unknown })],
});

const trace = "(Control ID: GDPR Art. 25; GDPR Art. 5(1)(f); HIPAA 164.312(a)(1))";
describePolicy(policies.awsApigatewayv2StageDisableDataTrace, {
  type: stage,
  compliant: [
    s({
      defaultRouteSettings: { dataTraceEnabled: false },
      routeSettings: [{ routeKey: "GET /vitals", dataTraceEnabled: false }],
    }),
  ],
  nonCompliant: [
    [
      "data trace on the stage and one route",
      s({
        defaultRouteSettings: { dataTraceEnabled: true },
        routeSettings: [{ routeKey: "POST /observations", dataTraceEnabled: true }],
      }),
      [
        `defaultRouteSettings.dataTraceEnabled is true; expected false. ${trace}`,
        `routeSettings for "POST /observations" has dataTraceEnabled true; expected false. ${trace}`,
      ],
    ],
  ],
  absent: [s(), []],
  unknown: [s({ defaultRouteSettings: { dataTraceEnabled: unknown } })],
});

const throttle = "(Control ID: GDPR Art. 32; HIPAA 164.308(a)(7))";
describePolicy(policies.awsApigatewayv2StageConfigureThrottling, {
  type: stage,
  compliant: [s({ defaultRouteSettings: { throttlingBurstLimit: 100, throttlingRateLimit: 50 } })],
  nonCompliant: [
    [
      "burst only",
      s({ defaultRouteSettings: { throttlingBurstLimit: 100 } }),
      [
        `defaultRouteSettings.throttlingRateLimit is not set; expected both throttling limits. ${throttle}`,
      ],
    ],
  ],
  absent: [
    s(),
    [
      `defaultRouteSettings.throttlingBurstLimit and defaultRouteSettings.throttlingRateLimit are not set; expected both throttling limits. ${throttle}`,
    ],
  ],
  unknown: [s({ defaultRouteSettings: unknown })],
});

const auth = "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(d))";
describePolicy(policies.awsApigatewayv2RouteEnforceAuthorization, {
  type: "aws:apigatewayv2/route:Route",
  compliant: [
    { apiId: "api", routeKey: "GET /vitals", authorizationType: "JWT", authorizerId: "a" },
    { apiId: "api", routeKey: "OPTIONS /vitals" },
  ],
  nonCompliant: [
    [
      "NONE",
      { apiId: "api", routeKey: "POST /vitals", authorizationType: "NONE" },
      [
        `Route "POST /vitals" has authorizationType "NONE"; expected "JWT", "AWS_IAM" or "CUSTOM". ${auth}`,
      ],
    ],
  ],
  absent: [
    { apiId: "api", routeKey: "$default" },
    [
      `Route "$default" has authorizationType not set; expected "JWT", "AWS_IAM" or "CUSTOM". ${auth}`,
    ],
  ],
  unknown: [{ apiId: "api", routeKey: "GET /x", authorizationType: unknown }],
});

const tls = "(Control ID: HIPAA 164.312(e)(2)(ii); HIPAA 164.312(e)(1))";
const domain = (securityPolicy: unknown) => ({
  domainName: "api.example.org",
  domainNameConfiguration: { certificateArn: "c", endpointType: "REGIONAL", securityPolicy },
});
describePolicy(policies.awsApigatewayv2DomainNameConfigureTlsPolicy, {
  type: "aws:apigatewayv2/domainName:DomainName",
  compliant: [domain("TLS_1_2"), domain("SecurityPolicy_TLS13_1_3_2025_09")],
  nonCompliant: [
    [
      "TLS 1.0",
      domain("TLS_1_0"),
      [`domainNameConfiguration.securityPolicy is "TLS_1_0"; expected "TLS_1_2" or newer. ${tls}`],
    ],
  ],
  absent: [
    domain("TLS_1_0"),
    [`domainNameConfiguration.securityPolicy is "TLS_1_0"; expected "TLS_1_2" or newer. ${tls}`],
  ],
  unknown: [domain(unknown)],
});

const cors = "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 25)";
describePolicy(policies.awsApigatewayv2ApiDisallowWildcardCorsOrigin, {
  type: "aws:apigatewayv2/api:Api",
  compliant: [
    { protocolType: "HTTP", corsConfiguration: { allowOrigins: ["https://app.example.org"] } },
  ],
  nonCompliant: [
    [
      "any origin",
      {
        protocolType: "HTTP",
        corsConfiguration: { allowOrigins: ["https://app.example.org", "*"] },
      },
      [
        `corsConfiguration.allowOrigins is ["https://app.example.org","*"]; expected named origins, no "*". ${cors}`,
      ],
    ],
  ],
  absent: [{ protocolType: "HTTP" }, []],
  unknown: [{ protocolType: "HTTP", corsConfiguration: { allowOrigins: unknown } }],
});
