/** Safe Harbor (45 CFR 164.514(b)(2)) categories this library detects; each is masked as `[TYPE]`. */
export const PHI_TYPES = [
  "NAME",
  "LOCATION",
  "DATE",
  "AGE",
  "PHONE",
  "FAX",
  "EMAIL",
  "SSN",
  "MRN",
  "HEALTH_PLAN",
  "ACCOUNT",
  "LICENSE",
  "VEHICLE",
  "DEVICE",
  "URL",
  "IP",
  "ID",
] as const;

export type PhiType = (typeof PHI_TYPES)[number];

export interface Finding {
  readonly type: PhiType;
  /** UTF-16 offset into the original text, inclusive. */
  readonly start: number;
  /** UTF-16 offset into the original text, exclusive. */
  readonly end: number;
}

/** Minimal FHIR R4 shapes read by the known-identifier matcher; every field is checked at run time. */
export interface HumanName {
  readonly text?: string;
  readonly family?: string;
  readonly given?: ReadonlyArray<string>;
}

export interface ContactPoint {
  readonly system?: string;
  readonly value?: string;
}

export interface Address {
  readonly text?: string;
  readonly line?: ReadonlyArray<string>;
  readonly city?: string;
  readonly district?: string;
  readonly postalCode?: string;
}

export interface Identifier {
  readonly system?: string;
  readonly value?: string;
  readonly type?: {
    readonly coding?: ReadonlyArray<{ readonly code?: string }>;
    readonly text?: string;
  };
}

export interface Patient {
  readonly resourceType?: string;
  readonly id?: string;
  readonly identifier?: ReadonlyArray<Identifier>;
  readonly name?: ReadonlyArray<HumanName>;
  readonly telecom?: ReadonlyArray<ContactPoint>;
  readonly birthDate?: string;
  readonly address?: ReadonlyArray<Address>;
  readonly contact?: ReadonlyArray<{
    readonly name?: HumanName;
    readonly telecom?: ReadonlyArray<ContactPoint>;
    readonly address?: Address;
  }>;
}

export interface RedactOptions {
  /** The patient the text is about: their own identifiers are matched literally, in any common format. */
  readonly patient?: Patient;
  /**
   * Categories to detect and mask.
   * @default every category in PHI_TYPES
   */
  readonly categories?: ReadonlyArray<PhiType>;
}

export interface RedactResult {
  readonly text: string;
  /** Sorted by start, non-overlapping, offsets into the original text. */
  readonly findings: Finding[];
}

export function maskOf(type: PhiType): string {
  return `[${type}]`;
}

export type Sink = (type: PhiType, start: number, end: number) => void;
