export { gcpSqlDatabaseInstanceDisablePublicIp } from "./gcp-sql-databaseinstance-disable-public-ip";
export { gcpSqlDatabaseInstanceEnableDeletionProtection } from "./gcp-sql-databaseinstance-enable-deletion-protection";
export { gcpSqlDatabaseInstanceEnablePointInTimeRecovery } from "./gcp-sql-databaseinstance-enable-point-in-time-recovery";
export { gcpSqlDatabaseInstanceEnforceSsl } from "./gcp-sql-databaseinstance-enforce-ssl";
export { gcpSqlDatabaseInstanceMissingCmek } from "./gcp-sql-databaseinstance-missing-cmek";
