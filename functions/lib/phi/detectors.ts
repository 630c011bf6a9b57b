/** Every pattern detector, in reporting order: structured identifiers, then places, then names. */
import { EUROPE_DETECTORS } from "./europe";
import { LOCATIONS } from "./geo";
import { NAMES } from "./names";
import { PATTERN_DETECTORS } from "./patterns";
import { Detector } from "./scan";

export const DETECTORS: ReadonlyArray<Detector> = [
  ...PATTERN_DETECTORS,
  ...EUROPE_DETECTORS,
  LOCATIONS,
  NAMES,
];
