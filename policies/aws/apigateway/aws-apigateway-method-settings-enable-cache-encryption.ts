import * as apigateway from "@pulumi/aws/apigateway";
import { resourcePolicy } from "../../lib/define";

/**
 * A response cache holds copies of API responses, PHI included; when caching is on, the cache must be encrypted.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsApigatewayMethodSettingsEnableCacheEncryption = resourcePolicy(
  {
    name: "aws-apigateway-method-settings-enable-cache-encryption",
    description: "API Gateway method settings that enable caching must encrypt the cache.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `settings.cacheDataEncrypted: true` wherever `settings.cachingEnabled` is true on the aws.apigateway.MethodSettings.",
  },
  apigateway.MethodSettings,
  (methodSettings, { report }) => {
    const settings = methodSettings.settings;
    if (settings.cachingEnabled === true && settings.cacheDataEncrypted !== true) {
      report(
        `settings.cachingEnabled is true and settings.cacheDataEncrypted is ${settings.cacheDataEncrypted === false ? "false" : "not set"}; expected true.`,
      );
    }
  },
);
