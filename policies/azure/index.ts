/** Every Azure resource policy, grouped by service. Each service is imported on its own: azure-native as a whole costs gigabytes. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import * as cognitiveservices from "./cognitiveservices";
import * as dbforpostgresql from "./dbforpostgresql";
import * as healthcareapis from "./healthcareapis";
import * as keyvault from "./keyvault";
import * as monitor from "./monitor";
import * as network from "./network";
import * as operationalinsights from "./operationalinsights";
import * as sql from "./sql";
import * as storage from "./storage";

export const azurePolicies: ResourceValidationPolicy[] = [
  ...Object.values(keyvault),
  ...Object.values(healthcareapis),
  ...Object.values(cognitiveservices),
  ...Object.values(storage),
  ...Object.values(operationalinsights),
  ...Object.values(monitor),
  ...Object.values(network),
  ...Object.values(sql),
  ...Object.values(dbforpostgresql),
];
