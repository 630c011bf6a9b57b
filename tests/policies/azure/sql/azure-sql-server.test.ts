import * as p from "../../../../policies/azure/sql";
import { unknown } from "../../harness";
import { describePolicy } from "../cases";

const type = "azure-native:sql:Server";
const base = { resourceGroupName: "rg" };

describePolicy({
  policy: p.azureSqlServerDisablePublicNetworkAccess,
  type,
  base,
  pass: [{ publicNetworkAccess: "Disabled" }],
  fail: [
    [
      { publicNetworkAccess: "Enabled" },
      [
        'publicNetworkAccess is "Enabled"; set it to "Disabled". (Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1); GDPR Art. 32)',
      ],
    ],
  ],
  absent: [
    'publicNetworkAccess is not set (defaults to Enabled); set it to "Disabled". (Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1); GDPR Art. 32)',
  ],
  unknown: { publicNetworkAccess: unknown },
});

describePolicy({
  policy: p.azureSqlServerConfigureMinimumTls,
  type,
  base,
  pass: [{ minimalTlsVersion: "1.2" }, { minimalTlsVersion: "1.3" }],
  fail: [
    [
      { minimalTlsVersion: "1.0" },
      [
        'minimalTlsVersion is "1.0"; set it to "1.2". (Control ID: HIPAA 164.312(e)(2)(ii); HIPAA 164.312(e)(1); GDPR Art. 32)',
      ],
    ],
  ],
  absent: [
    'minimalTlsVersion is not set (the service default); set it to "1.2". (Control ID: HIPAA 164.312(e)(2)(ii); HIPAA 164.312(e)(1); GDPR Art. 32)',
  ],
  unknown: { minimalTlsVersion: unknown },
});
