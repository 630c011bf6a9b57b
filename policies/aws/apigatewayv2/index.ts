export { awsApigatewayv2ApiDisallowWildcardCorsOrigin } from "./aws-apigatewayv2-api-disallow-wildcard-cors-origin";
export { awsApigatewayv2DomainNameConfigureTlsPolicy } from "./aws-apigatewayv2-domain-name-configure-tls-policy";
export { awsApigatewayv2RouteEnforceAuthorization } from "./aws-apigatewayv2-route-enforce-authorization";
export { awsApigatewayv2StageConfigureThrottling } from "./aws-apigatewayv2-stage-configure-throttling";
export { awsApigatewayv2StageDisableDataTrace } from "./aws-apigatewayv2-stage-disable-data-trace";
export { awsApigatewayv2StageEnableAccessLogging } from "./aws-apigatewayv2-stage-enable-access-logging";
