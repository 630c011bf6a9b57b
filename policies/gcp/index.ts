/** Every GCP resource policy, grouped by service. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import * as bigquery from "./bigquery";
import * as container from "./container";
import * as kms from "./kms";
import * as spanner from "./spanner";

export const gcpPolicies: ResourceValidationPolicy[] = [
  ...Object.values(kms),
  ...Object.values(container),
  ...Object.values(bigquery),
  ...Object.values(spanner),
];
