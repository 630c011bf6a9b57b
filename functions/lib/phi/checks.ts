/**
 * Check-digit rules of European national identifiers. Each takes the identifier as written (spaces, dots and
 * hyphens are ignored) and says whether its check characters hold. A pattern alone would mask every 9-digit
 * number; the check keeps random numbers (lab accession counts, order numbers) out for all but one in 10-97.
 */

/** The identifier without separators, uppercased. */
function compact(s: string): string {
  return s.replace(/[ .\-/]/g, "").toUpperCase();
}

/** German Krankenversichertennummer: a letter, 8 digits, a check digit (letter as 01-26, weights 1,2 with cross sums). */
export function validKvnr(s: string): boolean {
  const v = compact(s);
  if (!/^[A-Z]\d{9}$/.test(v)) {
    return false;
  }
  const digits = String(v.charCodeAt(0) - 64).padStart(2, "0") + v.slice(1, 9);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const p = (digits.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 2);
    sum += p > 9 ? p - 9 : p;
  }
  return sum % 10 === v.charCodeAt(9) - 48;
}

/** The value of a string of decimal digits modulo `m`, without a BigInt. */
function mod(digits: string, m: number): number {
  let r = 0;
  for (let i = 0; i < digits.length; i++) {
    r = (r * 10 + digits.charCodeAt(i) - 48) % m;
  }
  return r;
}

/** French NIR: 13 characters (Corsica's 2A/2B read as 19/18) and the key 97 - (number mod 97). */
export function validNir(s: string): boolean {
  const v = compact(s);
  if (!/^[12]\d{4}(?:\d{2}|2[AB])\d{8}$/.test(v)) {
    return false;
  }
  const body = v.slice(0, 13).replace("2A", "19").replace("2B", "18");
  return 97 - mod(body, 97) === Number(v.slice(13));
}

const DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

/** Spanish DNI (8 digits) or NIE (X, Y or Z as 0, 1, 2 and 7 digits) and the letter of the number mod 23. */
export function validDniNie(s: string): boolean {
  const v = compact(s);
  const m = /^([XYZ]\d{7}|\d{8})([A-Z])$/.exec(v);
  if (m === null) {
    return false;
  }
  const n = m[1].replace(/^[XYZ]/, (c) => String("XYZ".indexOf(c)));
  return DNI_LETTERS[mod(n, 23)] === m[2];
}

/** Values of characters in odd positions of the codice fiscale (digits 0-9 as A-J). */
const CF_ODD = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/** Italian codice fiscale: 15 characters and the control letter. */
export function validCodiceFiscale(s: string): boolean {
  const v = compact(s);
  if (
    !/^[A-Z]{6}[\dLMNPQRSTUV]{2}[A-EHLMPR-T][\dLMNPQRSTUV]{2}[A-Z][\dLMNPQRSTUV]{3}[A-Z]$/.test(v)
  ) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = v.charCodeAt(i);
    const k = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? CF_ODD[k] : k;
  }
  return sum % 26 === v.charCodeAt(15) - 65;
}

/** Dutch BSN: 9 digits passing the 11-test (weights 9..2 and -1). */
export function validBsn(s: string): boolean {
  const v = compact(s);
  if (!/^\d{9}$/.test(v) || v === "000000000") {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    sum += (v.charCodeAt(i) - 48) * (9 - i);
  }
  return (sum - (v.charCodeAt(8) - 48)) % 11 === 0;
}

/** UK NHS number: 10 digits, the last 11 - (weighted sum mod 11) (11 as 0; 10 never issued). */
export function validNhs(s: string): boolean {
  const v = compact(s);
  if (!/^\d{10}$/.test(v)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    sum += (v.charCodeAt(i) - 48) * (10 - i);
  }
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === v.charCodeAt(9) - 48;
}

/** Irish PPS number: 7 digits, a check letter (weights 8..2, plus 9 x a second letter's value, mod 23; 0 = W). */
export function validPpsn(s: string): boolean {
  const v = compact(s);
  const m = /^(\d{7})([A-W])([A-IW]?)$/.exec(v);
  if (m === null) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    sum += (m[1].charCodeAt(i) - 48) * (8 - i);
  }
  if (m[3] !== "" && m[3] !== "W") {
    sum += 9 * (m[3].charCodeAt(0) - 64);
  }
  return "WABCDEFGHIJKLMNOPQRSTUV"[sum % 23] === m[2];
}

/** IBAN: 15-34 characters, country letters, check digits; ISO 7064 mod 97-10 of the rearranged number is 1. */
export function validIban(s: string): boolean {
  const v = compact(s);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(v)) {
    return false;
  }
  const moved = v.slice(4) + v.slice(0, 4);
  let r = 0;
  for (let i = 0; i < moved.length; i++) {
    const c = moved.charCodeAt(i);
    if (c <= 57) {
      r = (r * 10 + c - 48) % 97;
    } else {
      r = (r * 100 + c - 55) % 97;
    }
  }
  return r === 1;
}
