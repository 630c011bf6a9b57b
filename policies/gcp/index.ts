/** Every GCP resource policy, grouped by service. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import * as artifactregistry from "./artifactregistry";
import * as bigquery from "./bigquery";
import * as cloudfunctionsv2 from "./cloudfunctionsv2";
import * as cloudrunv2 from "./cloudrunv2";
import * as composer from "./composer";
import * as compute from "./compute";
import * as container from "./container";
import * as dataflow from "./dataflow";
import * as dataproc from "./dataproc";
import * as filestore from "./filestore";
import * as healthcare from "./healthcare";
import * as kms from "./kms";
import * as logging from "./logging";
import * as projects from "./projects";
import * as pubsub from "./pubsub";
import * as redis from "./redis";
import * as secretmanager from "./secretmanager";
import * as spanner from "./spanner";
import * as sql from "./sql";
import * as storage from "./storage";
import * as vertex from "./vertex";

export const gcpPolicies: ResourceValidationPolicy[] = [
  ...Object.values(artifactregistry),
  ...Object.values(bigquery),
  ...Object.values(cloudfunctionsv2),
  ...Object.values(cloudrunv2),
  ...Object.values(composer),
  ...Object.values(compute),
  ...Object.values(container),
  ...Object.values(dataflow),
  ...Object.values(dataproc),
  ...Object.values(filestore),
  ...Object.values(healthcare),
  ...Object.values(kms),
  ...Object.values(logging),
  ...Object.values(projects),
  ...Object.values(pubsub),
  ...Object.values(redis),
  ...Object.values(secretmanager),
  ...Object.values(spanner),
  ...Object.values(sql),
  ...Object.values(storage),
  ...Object.values(vertex),
];
