/** Keys whose values are PHI whatever they contain, in objects and in JSON quoted inside text. */
import { PhiType } from "./types";

const KEYS: ReadonlyArray<[PhiType, string]> = [
  [
    "NAME",
    "name firstname lastname givenname familyname fullname middlename surname maidenname nickname given family patientname displayname contactname nextofkin mothersmaidenname username",
  ],
  [
    "DATE",
    "birthdate dob dateofbirth birthday deceaseddatetime deathdate dateofdeath admitdate admissiondate dischargedate",
  ],
  ["AGE", "age ageyears"],
  ["SSN", "ssn socialsecuritynumber socialsecurity"],
  ["MRN", "mrn medicalrecordnumber medicalrecord chartnumber patientid"],
  [
    "PHONE",
    "phone phonenumber telephone tel mobile cell cellphone homephone workphone telecom contactnumber",
  ],
  ["FAX", "fax faxnumber"],
  ["EMAIL", "email emailaddress mail"],
  [
    "LOCATION",
    "address street streetaddress address1 address2 addressline addressline1 addressline2 city town zip zipcode postalcode postcode county district geolocation latitude longitude lat lon lng coordinates homeaddress",
  ],
  [
    "HEALTH_PLAN",
    "memberid subscriberid policynumber insuranceid medicareid medicaidid mbi healthplanid beneficiaryid groupnumber",
  ],
  ["ACCOUNT", "account accountnumber accountid acct bankaccount iban creditcard cardnumber"],
  ["LICENSE", "license licence licensenumber driverslicense npi dea certificate certificatenumber"],
  ["VEHICLE", "vin licenseplate plate platenumber vehicleid"],
  ["DEVICE", "device deviceid serial serialnumber udi imei macaddress deviceserial"],
  ["URL", "url website homepage"],
  ["IP", "ip ipaddress sourceip clientip remoteaddr remoteaddress xforwardedfor"],
  ["ID", "identifier passport passportnumber nationalid photo biometric fingerprint"],
];
const KEY_TYPE = new Map<string, PhiType>(
  KEYS.flatMap(([type, keys]) => keys.split(" ").map((k) => [k, type])),
);
/** The PHI category a key denotes ("first_name", "birthDate", "Patient-ID"), or undefined. */
export function phiTypeOfKey(key: string): PhiType | undefined {
  return KEY_TYPE.get(key.toLowerCase().replace(/[^a-z0-9]/g, ""));
}

/** Every category some key maps to. */
export const KEYED_TYPES: ReadonlyArray<PhiType> = [...new Set(KEY_TYPE.values())];
