/** What secret material looks like in environment variables: the pack-wide rules of ../../lib/secret-values. */
export {
  isLiteralSecret,
  isSecretName,
  isSecretReference,
  secretValueKind,
} from "../../lib/secret-values";
