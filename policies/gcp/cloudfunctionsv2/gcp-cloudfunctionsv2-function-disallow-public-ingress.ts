import * as cloudfunctionsv2 from "@pulumi/gcp/cloudfunctionsv2";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

const internal = ["ALLOW_INTERNAL_ONLY", "ALLOW_INTERNAL_AND_GCLB"];

/**
 * With ingress ALLOW_ALL a function that handles PHI answers requests from anywhere on the internet; internal
 * ingress keeps it to the VPC, or to a load balancer that carries Cloud Armor and IAP.
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const gcpCloudfunctionsv2FunctionDisallowPublicIngress = resourcePolicy(
  {
    name: "gcp-cloudfunctionsv2-function-disallow-public-ingress",
    description:
      'Cloud Functions (2nd gen) must accept internal traffic only (ingressSettings "ALLOW_INTERNAL_ONLY" or "ALLOW_INTERNAL_AND_GCLB").',
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `serviceConfig.ingressSettings` to "ALLOW_INTERNAL_ONLY" or "ALLOW_INTERNAL_AND_GCLB" on the gcp.cloudfunctionsv2.Function.',
  },
  cloudfunctionsv2.Function,
  (fn, { report }) => {
    const ingress = fn.serviceConfig?.ingressSettings;
    if (!internal.includes(ingress ?? "")) {
      report(
        `serviceConfig.ingressSettings is ${shown(ingress, "defaults to ALLOW_ALL")}; set it to "ALLOW_INTERNAL_ONLY" or "ALLOW_INTERNAL_AND_GCLB".`,
      );
    }
  },
);
