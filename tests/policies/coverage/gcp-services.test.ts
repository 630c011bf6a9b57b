import { gcpIamTables, gcpTables } from "./gcp-tables";
import { describeTables } from "./table";

describeTables([...gcpTables, ...gcpIamTables]);
