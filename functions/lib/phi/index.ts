/** PHI redaction for text and structured values: the Safe Harbor identifiers, masked as `[TYPE]`. */
export { redactText } from "./redact";
export { redactObject, phiTypeOfKey } from "./object";
export { PHI_TYPES, maskOf } from "./types";
export type { Finding, Patient, PhiType, RedactOptions, RedactResult } from "./types";
