import * as vertex from "@pulumi/gcp/vertex";
import { resourcePolicy } from "../../lib/define";
import { isSet } from "../lib/shown";

/**
 * An endpoint serves models trained on or fed with PHI; its encryption spec covers the deployed models and the data
 * the endpoint stores, and can only be chosen when the endpoint is created.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpVertexAiEndpointMissingCmek = resourcePolicy(
  {
    name: "gcp-vertex-aiendpoint-missing-cmek",
    description: "Vertex AI endpoints must be encrypted with a customer-managed Cloud KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `encryptionSpec.kmsKeyName` to a gcp.kms.CryptoKey id in the endpoint's region on the gcp.vertex.AiEndpoint, and grant the Vertex AI service agent roles/cloudkms.cryptoKeyEncrypterDecrypter on the key.",
  },
  vertex.AiEndpoint,
  (endpoint, { report }) => {
    if (!isSet(endpoint.encryptionSpec?.kmsKeyName)) {
      report(
        "encryptionSpec.kmsKeyName is not set, so the endpoint uses Google-managed keys; set it to a Cloud KMS key.",
      );
    }
  },
);
