/** Every Azure resource policy, grouped by service. Each service is imported on its own: azure-native as a whole costs gigabytes. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import * as apimanagement from "./apimanagement";
import * as app from "./app";
import * as cognitiveservices from "./cognitiveservices";
import * as containerservice from "./containerservice";
import * as cosmosdb from "./cosmosdb";
import * as datafactory from "./datafactory";
import * as dbformysql from "./dbformysql";
import * as dbforpostgresql from "./dbforpostgresql";
import * as eventhub from "./eventhub";
import * as frontdoor from "./frontdoor";
import * as healthcareapis from "./healthcareapis";
import * as keyvault from "./keyvault";
import * as machinelearningservices from "./machinelearningservices";
import * as monitor from "./monitor";
import * as network from "./network";
import * as operationalinsights from "./operationalinsights";
import * as redis from "./redis";
import * as servicebus from "./servicebus";
import * as sql from "./sql";
import * as storage from "./storage";
import * as synapse from "./synapse";
import * as web from "./web";

export const azurePolicies: ResourceValidationPolicy[] = [
  ...Object.values(apimanagement),
  ...Object.values(app),
  ...Object.values(cognitiveservices),
  ...Object.values(containerservice),
  ...Object.values(cosmosdb),
  ...Object.values(datafactory),
  ...Object.values(dbformysql),
  ...Object.values(dbforpostgresql),
  ...Object.values(eventhub),
  ...Object.values(frontdoor),
  ...Object.values(healthcareapis),
  ...Object.values(keyvault),
  ...Object.values(machinelearningservices),
  ...Object.values(monitor),
  ...Object.values(network),
  ...Object.values(operationalinsights),
  ...Object.values(redis),
  ...Object.values(servicebus),
  ...Object.values(sql),
  ...Object.values(storage),
  ...Object.values(synapse),
  ...Object.values(web),
];
