import * as pubsub from "@pulumi/gcp/pubsub";
import { resourcePolicy } from "../../lib/define";
import { isSet } from "../lib/shown";

/**
 * Messages wait in a topic's storage until every subscription acknowledges them, and can carry PHI; a
 * customer-managed key lets the organisation revoke access to them and see each use of the key.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpPubsubTopicMissingCmek = resourcePolicy(
  {
    name: "gcp-pubsub-topic-missing-cmek",
    description: "Pub/Sub topics must be encrypted with a customer-managed Cloud KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `kmsKeyName` to a gcp.kms.CryptoKey id on the gcp.pubsub.Topic, and grant the Pub/Sub service agent roles/cloudkms.cryptoKeyEncrypterDecrypter on the key.",
  },
  pubsub.Topic,
  (topic, { report }) => {
    if (!isSet(topic.kmsKeyName)) {
      report(
        "kmsKeyName is not set, so messages are stored with Google-managed keys; set it to a Cloud KMS key.",
      );
    }
  },
);
