import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

const internal = ["INGRESS_TRAFFIC_INTERNAL_ONLY", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"];

/**
 * With ingress INGRESS_TRAFFIC_ALL a Cloud Run service that handles PHI answers requests from anywhere on the
 * internet at its run.app URL; internal ingress keeps it to the VPC, or to a load balancer with Cloud Armor and IAP.
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const gcpCloudrunv2ServiceDisallowPublicIngress = resourcePolicy(
  {
    name: "gcp-cloudrunv2-service-disallow-public-ingress",
    description:
      "Cloud Run services must not accept traffic from the internet (ingress other than INGRESS_TRAFFIC_ALL).",
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `ingress` to "INGRESS_TRAFFIC_INTERNAL_ONLY" or "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER" on the gcp.cloudrunv2.Service.',
  },
  cloudrunv2.Service,
  (service, { report }) => {
    if (!internal.includes(service.ingress ?? "")) {
      report(
        `ingress is ${shown(service.ingress, "defaults to INGRESS_TRAFFIC_ALL")}; set it to "INGRESS_TRAFFIC_INTERNAL_ONLY" or "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER".`,
      );
    }
  },
);
