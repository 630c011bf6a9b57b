/** PHI redaction for text and structured values: the Safe Harbor identifiers, masked as `[TYPE]`. */
export { redactText } from "./redact";
export { redactObject } from "./object";
export { phiTypeOfKey } from "./keys";
export { PHI_TYPES, maskOf } from "./types";
export type { Finding, Patient, PhiType, RedactOptions, RedactResult } from "./types";
