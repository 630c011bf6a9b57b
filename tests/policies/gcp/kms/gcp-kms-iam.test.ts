import {
  gcpKmsCryptoKeyIamBindingDisallowPublicPrincipal,
  gcpKmsCryptoKeyIamMemberDisallowPublicPrincipal,
  gcpKmsKeyRingIamBindingDisallowPublicPrincipal,
  gcpKmsKeyRingIamMemberDisallowPublicPrincipal,
} from "../../../../policies/gcp/kms";
import { describeBindingPolicy, describeMemberPolicy } from "../iam";

const ids = "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";

describeMemberPolicy({
  policy: gcpKmsCryptoKeyIamMemberDisallowPublicPrincipal,
  type: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
  what: "crypto key",
  ids,
});
describeBindingPolicy({
  policy: gcpKmsCryptoKeyIamBindingDisallowPublicPrincipal,
  type: "gcp:kms/cryptoKeyIAMBinding:CryptoKeyIAMBinding",
  what: "crypto key",
  ids,
});
describeMemberPolicy({
  policy: gcpKmsKeyRingIamMemberDisallowPublicPrincipal,
  type: "gcp:kms/keyRingIAMMember:KeyRingIAMMember",
  what: "key ring",
  ids,
});
describeBindingPolicy({
  policy: gcpKmsKeyRingIamBindingDisallowPublicPrincipal,
  type: "gcp:kms/keyRingIAMBinding:KeyRingIAMBinding",
  what: "key ring",
  ids,
});
