export { awsCloudfrontDistributionConfigureTlsPolicy } from "./aws-cloudfront-distribution-configure-tls-policy";
export { awsCloudfrontDistributionEnableAccessLogging } from "./aws-cloudfront-distribution-enable-access-logging";
export { awsCloudfrontDistributionEnableWaf } from "./aws-cloudfront-distribution-enable-waf";
export { awsCloudfrontDistributionEnforceHttpsOrigins } from "./aws-cloudfront-distribution-enforce-https-origins";
export { awsCloudfrontDistributionEnforceHttpsViewers } from "./aws-cloudfront-distribution-enforce-https-viewers";
