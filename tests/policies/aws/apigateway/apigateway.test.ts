import * as policies from "../../../../policies/aws/apigateway";
import { describePolicy, unknown } from "../cases";

const methodSettings = "aws:apigateway/methodSettings:MethodSettings";
const ms = (settings: Record<string, unknown>) => ({
  restApi: "api",
  stageName: "prod",
  methodPath: "*/*",
  settings,
});

const trace = "(Control ID: GDPR Art. 25; GDPR Art. 5(1)(f); HIPAA 164.312(a)(1))";
describePolicy(policies.awsApigatewayMethodSettingsDisableDataTrace, {
  type: methodSettings,
  compliant: [ms({ dataTraceEnabled: false, loggingLevel: "ERROR" })],
  nonCompliant: [
    [
      "data trace on",
      ms({ dataTraceEnabled: true }),
      [`settings.dataTraceEnabled is true for method path "*/*"; expected false. ${trace}`],
    ],
  ],
  absent: [ms({}), []],
  unknown: [ms({ dataTraceEnabled: unknown })],
});

const logging = "(Control ID: HIPAA 164.312(b); HIPAA 164.308(a)(1)(ii)(D))";
describePolicy(policies.awsApigatewayMethodSettingsConfigureLoggingLevel, {
  type: methodSettings,
  compliant: [ms({ loggingLevel: "ERROR" }), ms({ loggingLevel: "INFO" })],
  nonCompliant: [
    [
      "OFF",
      ms({ loggingLevel: "OFF" }),
      [`settings.loggingLevel is "OFF"; expected "ERROR" or "INFO". ${logging}`],
    ],
  ],
  absent: [ms({}), [`settings.loggingLevel is not set; expected "ERROR" or "INFO". ${logging}`]],
  unknown: [ms({ loggingLevel: unknown })],
});

const enc = "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";
describePolicy(policies.awsApigatewayMethodSettingsEnableCacheEncryption, {
  type: methodSettings,
  compliant: [
    ms({ cachingEnabled: true, cacheDataEncrypted: true }),
    ms({ cachingEnabled: false }),
  ],
  nonCompliant: [
    [
      "unencrypted cache",
      ms({ cachingEnabled: true, cacheDataEncrypted: false }),
      [
        `settings.cachingEnabled is true and settings.cacheDataEncrypted is false; expected true. ${enc}`,
      ],
    ],
  ],
  absent: [
    ms({ cachingEnabled: true }),
    [
      `settings.cachingEnabled is true and settings.cacheDataEncrypted is not set; expected true. ${enc}`,
    ],
  ],
  unknown: [ms({ cachingEnabled: unknown })],
});

const stage = "aws:apigateway/stage:Stage";
const st = (props: Record<string, unknown> = {}) => ({
  restApi: "api",
  stageName: "prod",
  deployment: "d",
  ...props,
});
describePolicy(policies.awsApigatewayStageEnableXrayTracing, {
  type: stage,
  compliant: [st({ xrayTracingEnabled: true })],
  nonCompliant: [
    [
      "off",
      st({ xrayTracingEnabled: false }),
      [`xrayTracingEnabled is false; expected true. ${logging}`],
    ],
  ],
  absent: [st(), [`xrayTracingEnabled is not set; expected true. ${logging}`]],
  unknown: [st({ xrayTracingEnabled: unknown })],
});

describePolicy(policies.awsApigatewayStageEnableAccessLogging, {
  type: stage,
  compliant: [
    st({
      accessLogSettings: {
        destinationArn: "arn:aws:logs:eu-central-1:123456789012:log-group:api",
        format: "{}",
      },
    }),
  ],
  nonCompliant: [],
  absent: [
    st(),
    [
      "accessLogSettings is not set; expected a destinationArn and a format. (Control ID: HIPAA 164.312(b); HIPAA 164.308(a)(1)(ii)(D); GDPR Art. 33)",
    ],
  ],
  unknown: [st({ accessLogSettings: unknown })],
});

const auth = "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(d))";
const method = (httpMethod: string, authorization: unknown) => ({
  restApi: "api",
  resourceId: "r",
  httpMethod,
  authorization,
});
describePolicy(policies.awsApigatewayMethodEnforceAuthorization, {
  type: "aws:apigateway/method:Method",
  compliant: [method("GET", "COGNITO_USER_POOLS"), method("OPTIONS", "NONE")],
  nonCompliant: [
    [
      "ANY without authorizer",
      method("ANY", "NONE"),
      [
        `Method ANY has authorization "NONE"; expected "AWS_IAM", "COGNITO_USER_POOLS" or "CUSTOM". ${auth}`,
      ],
    ],
  ],
  absent: [
    method("POST", "NONE"),
    [
      `Method POST has authorization "NONE"; expected "AWS_IAM", "COGNITO_USER_POOLS" or "CUSTOM". ${auth}`,
    ],
  ],
  unknown: [method("GET", unknown)],
});

const tls = "(Control ID: HIPAA 164.312(e)(2)(ii); HIPAA 164.312(e)(1))";
describePolicy(policies.awsApigatewayDomainNameConfigureTlsPolicy, {
  type: "aws:apigateway/domainName:DomainName",
  compliant: [
    { domainName: "api.example.org", securityPolicy: "TLS_1_2" },
    { domainName: "api.example.org", securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06" },
  ],
  nonCompliant: [
    [
      "TLS 1.0",
      { domainName: "api.example.org", securityPolicy: "TLS_1_0" },
      [`securityPolicy is "TLS_1_0"; expected "TLS_1_2" or newer. ${tls}`],
    ],
  ],
  absent: [
    { domainName: "api.example.org" },
    [`securityPolicy is not set; expected "TLS_1_2" or newer. ${tls}`],
  ],
  unknown: [{ domainName: "api.example.org", securityPolicy: unknown }],
});
