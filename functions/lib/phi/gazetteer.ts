/**
 * The name lists and gazetteers, read from the data files in ./data (their format is in the README). Every entry is
 * folded as texts are (chars.ts), so that a list can be written with its accents and letters outside Latin-1 and
 * still match the folded view the detectors read.
 */
import { fold } from "./chars";
import GAZETTEER from "./data/gazetteer.json";
import NAMES from "./data/names.json";

/** A data file's list: groups (by language or source) of entries. */
type Groups = Readonly<Record<string, ReadonlyArray<string>>>;

function entries(groups: Groups): string[] {
  return Object.values(groups).flatMap((list) => list.map((entry) => fold(entry).text));
}

/** Person-name lists: each a set of single capitalised words. */
export const NAME_LISTS = {
  given: new Set(entries(NAMES.given)),
  surnames: new Set(entries(NAMES.surnames)),
  ambiguousGiven: new Set(entries(NAMES.ambiguousGiven)),
  stop: new Set(entries(NAMES.stop)),
};

/** Places above the Safe Harbor cut (countries, states, regions), and words a residence phrase is not a place for. */
export const EUROPE = {
  regions: new Set(entries(GAZETTEER.regions)),
  /** Two-letter codes of states, written as their own part of an address ("Salem, MA"). */
  stateCodes: new Set(entries(GAZETTEER.stateCodes)),
  notPlaces: new Set(entries(GAZETTEER.notPlaces)),
};
