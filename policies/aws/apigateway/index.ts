export { awsApigatewayDomainNameConfigureTlsPolicy } from "./aws-apigateway-domain-name-configure-tls-policy";
export { awsApigatewayMethodEnforceAuthorization } from "./aws-apigateway-method-enforce-authorization";
export { awsApigatewayMethodSettingsConfigureLoggingLevel } from "./aws-apigateway-method-settings-configure-logging-level";
export { awsApigatewayMethodSettingsDisableDataTrace } from "./aws-apigateway-method-settings-disable-data-trace";
export { awsApigatewayMethodSettingsEnableCacheEncryption } from "./aws-apigateway-method-settings-enable-cache-encryption";
export { awsApigatewayStageEnableAccessLogging } from "./aws-apigateway-stage-enable-access-logging";
export { awsApigatewayStageEnableXrayTracing } from "./aws-apigateway-stage-enable-xray-tracing";
