import { createHmac } from "crypto";

/**
 * Opaque, stable id for `value` under a purpose: HMAC-SHA256 with the stack's key, base64url. Chime stores and
 * reports ExternalMeetingId/ExternalUserId in events and logs, so they must not carry PHI nor be reversible by
 * hashing candidate ids, hence keyed. Chime allows 2-64 characters; prefix + 43 characters fits.
 */
export function opaqueId(
  key: string | Buffer,
  purpose: "meeting" | "user" | "token" | "log",
  value: string,
): string {
  const mac = createHmac("sha256", key).update(`${purpose}\0${value}`, "utf8").digest("base64url");
  return `${purpose[0]}-${mac}`;
}
