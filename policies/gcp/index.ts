/** Every GCP resource policy, grouped by service. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import * as bigquery from "./bigquery";
import * as cloudfunctionsv2 from "./cloudfunctionsv2";
import * as cloudrunv2 from "./cloudrunv2";
import * as compute from "./compute";
import * as container from "./container";
import * as kms from "./kms";
import * as logging from "./logging";
import * as projects from "./projects";
import * as pubsub from "./pubsub";
import * as spanner from "./spanner";
import * as sql from "./sql";
import * as storage from "./storage";
import * as vertex from "./vertex";

export const gcpPolicies: ResourceValidationPolicy[] = [
  ...Object.values(kms),
  ...Object.values(container),
  ...Object.values(bigquery),
  ...Object.values(spanner),
  ...Object.values(storage),
  ...Object.values(sql),
  ...Object.values(compute),
  ...Object.values(cloudfunctionsv2),
  ...Object.values(cloudrunv2),
  ...Object.values(pubsub),
  ...Object.values(vertex),
  ...Object.values(projects),
  ...Object.values(logging),
];
