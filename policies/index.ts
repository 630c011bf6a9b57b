/**
 * The pack's entry point, as the Pulumi CLI loads it (`pulumi preview --policy-pack policies`). Constructing the
 * PolicyPack starts the analyzer's gRPC server and prints its port for the CLI.
 */
import { PolicyPack } from "@pulumi/policy";
import { packName, policies } from "./policies";

new PolicyPack(packName, {
  policies,
  description:
    "HIPAA Security Rule and GDPR controls for MediConnect and any Pulumi program on AWS, GCP, Azure and Kubernetes.",
  enforcementLevel: "advisory",
});
