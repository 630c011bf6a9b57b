/**
 * The pack's entry point, as the Pulumi CLI loads it (`pulumi preview --policy-pack policies`). Constructing the
 * PolicyPack starts the analyzer's gRPC server and prints its port for the CLI; Analyze is dispatched by resource
 * type (lib/dispatch.ts) so that a resource pays only for the policies of its own type.
 */
import { packName, policies } from "./policies";
import { servePolicyPack } from "./lib/dispatch";

servePolicyPack(packName, {
  policies,
  description:
    "HIPAA Security Rule and GDPR controls for MediConnect and any Pulumi program on AWS, GCP, Azure and Kubernetes.",
  enforcementLevel: "advisory",
});
