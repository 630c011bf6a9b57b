import { azureTables } from "./azure-tables";
import { describeTables } from "./table";

describeTables(azureTables);
