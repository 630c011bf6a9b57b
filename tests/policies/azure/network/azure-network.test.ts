import * as p from "../../../../policies/azure/network";
import { unknown } from "../../harness";
import { describePolicy } from "../cases";

const ids = "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(e)(1); GDPR Art. 32)";
const rule = (over: Record<string, unknown>) => ({
  name: "r",
  access: "Allow",
  direction: "Inbound",
  protocol: "Tcp",
  priority: 100,
  sourceAddressPrefix: "10.0.0.0/8",
  destinationPortRange: "443",
  ...over,
});

describePolicy({
  policy: p.azureNetworkNetworkSecurityGroupDisallowPublicAdminPorts,
  type: "azure-native:network:NetworkSecurityGroup",
  base: { resourceGroupName: "rg" },
  pass: [
    {
      securityRules: [
        rule({}),
        rule({ sourceAddressPrefix: "Internet", destinationPortRange: "443" }),
      ],
    },
    {
      securityRules: [
        rule({ sourceAddressPrefix: "*", destinationPortRange: "22", access: "Deny" }),
      ],
    },
  ],
  fail: [
    [
      {
        securityRules: [
          rule({ name: "ssh", sourceAddressPrefix: "Internet", destinationPortRange: "22" }),
          {
            name: "range",
            access: "Allow",
            direction: "Inbound",
            sourceAddressPrefixes: ["0.0.0.0/0"],
            destinationPortRanges: ["3000-4000", "80"],
          },
          rule({ name: "all", sourceAddressPrefix: "*", destinationPortRange: "*" }),
        ],
      },
      [
        `securityRules[0] (ssh) allows inbound port 22 from the internet. ${ids}`,
        `securityRules[1] (range) allows inbound port 3389 from the internet. ${ids}`,
        `securityRules[2] (all) allows inbound port * from the internet. ${ids}`,
      ],
    ],
  ],
  absent: [],
  unknown: { securityRules: [rule({ sourceAddressPrefix: unknown })] },
});

describePolicy({
  policy: p.azureNetworkSecurityRuleDisallowPublicAdminPorts,
  type: "azure-native:network:SecurityRule",
  base: {
    resourceGroupName: "rg",
    networkSecurityGroupName: "nsg",
    priority: 100,
    protocol: "Tcp",
  },
  pass: [
    rule({ sourceAddressPrefix: "AzureBastionSubnet", destinationPortRange: "22" }),
    rule({ direction: "Outbound", sourceAddressPrefix: "*", destinationPortRange: "*" }),
  ],
  fail: [
    [
      rule({ sourceAddressPrefix: "0.0.0.0/0", destinationPortRange: "3389" }),
      [`The rule allows inbound port 3389 from the internet (source "0.0.0.0/0"). ${ids}`],
    ],
  ],
  absent: [],
  unknown: rule({ access: unknown }),
});

const pe = "(Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1))";
describePolicy({
  policy: p.azureNetworkPrivateEndpointConfigureGroupIds,
  type: "azure-native:network:PrivateEndpoint",
  base: { resourceGroupName: "rg", subnet: { id: "subnet" } },
  pass: [
    {
      privateLinkServiceConnections: [
        { name: "fhir", privateLinkServiceId: "/ws", groupIds: ["healthcareworkspace"] },
      ],
    },
  ],
  fail: [
    [
      {
        privateLinkServiceConnections: [
          { name: "fhir", privateLinkServiceId: "/ws", groupIds: [] },
        ],
      },
      [`Connection 0 (fhir) must set privateLinkServiceId and at least one groupIds entry. ${pe}`],
    ],
  ],
  absent: [`The private endpoint has no privateLinkServiceConnections. ${pe}`],
  unknown: {
    privateLinkServiceConnections: [
      { name: "fhir", privateLinkServiceId: unknown, groupIds: ["account"] },
    ],
  },
});
