import { awsTables } from "./aws-tables";
import { describeTables } from "./table";

describeTables(awsTables);
