import { Detector, eachAt } from "../../../functions/lib/phi/scan";

/** Belgian national register number: YY.MM.DD-SSS.CC, CC = 97 - (the first nine digits mod 97). */
function validBelgianNrn(s: string): boolean {
  const digits = s.replace(/[.\- ]/g, "");
  const check = Number(digits.slice(9));
  const born1900s = 97 - (Number(digits.slice(0, 9)) % 97);
  const born2000s = 97 - (Number(`2${digits.slice(0, 9)}`) % 97);
  return check === born1900s || check === born2000s;
}

const BELGIAN_NRN_RE = /(?<![\w.])\d{2}\.?\d{2}\.?\d{2}[- ]?\d{3}\.?\d{2}(?![\w.])/y;

export const BELGIAN_NRN: Detector = {
  type: "SSN",
  // Every match starts with a run of 2 or 4 digits and a dot ("85.07", "8507.30"), or of 6, 9 or 11 digits.
  triggers: [
    { digits: (n, next) => ((n === 2 || n === 4) && next === ".") || [6, 9, 11].includes(n) },
  ],
  detect(text, [starts], sink) {
    eachAt(BELGIAN_NRN_RE, text, starts, (m) => {
      if (validBelgianNrn(m[0])) {
        sink("SSN", m.index, m.index + m[0].length);
      }
    });
  },
};
