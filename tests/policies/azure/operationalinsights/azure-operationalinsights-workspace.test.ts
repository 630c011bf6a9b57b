import * as p from "../../../../policies/azure/operationalinsights";
import { unknown } from "../../harness";
import { describePolicy } from "../cases";

const type = "azure-native:operationalinsights:Workspace";
const base = { resourceGroupName: "rg" };
const ret = "(Control ID: HIPAA 164.316(b)(2); HIPAA 164.312(b); GDPR Art. 33)";

describePolicy({
  policy: p.azureOperationalInsightsWorkspaceConfigureRetention,
  type,
  base,
  pass: [{ retentionInDays: 730 }],
  fail: [
    [
      { retentionInDays: 90 },
      [
        `retentionInDays is 90; set at least 730 and archive to 6 years (2192 days) for HIPAA. ${ret}`,
      ],
    ],
  ],
  absent: [
    `retentionInDays is not set (defaults to 30); set at least 730 and archive to 6 years (2192 days) for HIPAA. ${ret}`,
  ],
  unknown: { retentionInDays: unknown },
  config: [
    [{ minRetentionDays: 365 }, { retentionInDays: 365 }, []],
    [
      { minRetentionDays: 365 },
      { retentionInDays: 180 },
      [
        `retentionInDays is 180; set at least 365 and archive to 6 years (2192 days) for HIPAA. ${ret}`,
      ],
    ],
  ],
});

const net = "(Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1); GDPR Art. 32)";
describePolicy({
  policy: p.azureOperationalInsightsWorkspaceDisablePublicNetworkAccess,
  type,
  base,
  pass: [{ publicNetworkAccessForIngestion: "Disabled", publicNetworkAccessForQuery: "Disabled" }],
  fail: [
    [
      { publicNetworkAccessForIngestion: "Enabled", publicNetworkAccessForQuery: "Disabled" },
      [`publicNetworkAccessForIngestion is "Enabled"; set it to "Disabled". ${net}`],
    ],
  ],
  absent: [
    `publicNetworkAccessForIngestion is not set (defaults to Enabled); set it to "Disabled". ${net}`,
    `publicNetworkAccessForQuery is not set (defaults to Enabled); set it to "Disabled". ${net}`,
  ],
  unknown: { publicNetworkAccessForIngestion: unknown },
});
