import * as policies from "../../../../policies/aws/cognito";
import { describePolicy, unknown } from "../cases";

const pool = "aws:cognito/userPool:UserPool";
const client = "aws:cognito/userPoolClient:UserPoolClient";
const identityPool = "aws:cognito/identityPool:IdentityPool";
const auth = "(Control ID: HIPAA 164.312(d); GDPR Art. 32)";

describePolicy(policies.awsCognitoUserPoolEnableMfa, {
  type: pool,
  compliant: [{ mfaConfiguration: "ON" }],
  nonCompliant: [
    [
      "optional MFA",
      { mfaConfiguration: "OPTIONAL" },
      [`mfaConfiguration is "OPTIONAL" (AWS defaults to "OFF"); expected "ON". ${auth}`],
    ],
    [
      "MFA off",
      { mfaConfiguration: "OFF" },
      [`mfaConfiguration is "OFF" (AWS defaults to "OFF"); expected "ON". ${auth}`],
    ],
  ],
  absent: [{}, [`mfaConfiguration is not set (AWS defaults to "OFF"); expected "ON". ${auth}`]],
  unknown: [{ mfaConfiguration: unknown }],
});

const threat = "(Control ID: HIPAA 164.308(a)(5)(ii)(C); HIPAA 164.312(d); GDPR Art. 32)";
describePolicy(policies.awsCognitoUserPoolEnforceAdvancedSecurity, {
  type: pool,
  compliant: [
    { userPoolAddOns: { advancedSecurityMode: "ENFORCED" }, userPoolTier: "PLUS" },
    { userPoolAddOns: { advancedSecurityMode: "ENFORCED" } },
  ],
  nonCompliant: [
    [
      "audit-only mode on the Essentials tier",
      { userPoolAddOns: { advancedSecurityMode: "AUDIT" }, userPoolTier: "ESSENTIALS" },
      [
        `userPoolAddOns.advancedSecurityMode is "AUDIT"; expected "ENFORCED". ${threat}`,
        `userPoolTier is "ESSENTIALS"; threat protection needs "PLUS". ${threat}`,
      ],
    ],
  ],
  absent: [{}, [`userPoolAddOns.advancedSecurityMode is not set; expected "ENFORCED". ${threat}`]],
  unknown: [{ userPoolAddOns: { advancedSecurityMode: unknown } }],
});

describePolicy(policies.awsCognitoUserPoolConfigurePasswordPolicy, {
  type: pool,
  compliant: [
    {
      passwordPolicy: {
        minimumLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSymbols: true,
      },
    },
  ],
  nonCompliant: [
    [
      "short password without symbols and numbers",
      { passwordPolicy: { minimumLength: 8, requireLowercase: true, requireUppercase: true } },
      [
        `passwordPolicy.minimumLength is 8; expected at least 14. ${auth}`,
        `passwordPolicy does not set requireNumbers: true, requireSymbols: true; expected every character class required. ${auth}`,
      ],
    ],
    [
      "length left to the default",
      {
        passwordPolicy: {
          requireLowercase: true,
          requireUppercase: true,
          requireNumbers: true,
          requireSymbols: true,
        },
      },
      [`passwordPolicy.minimumLength is not set (8 by default); expected at least 14. ${auth}`],
    ],
  ],
  absent: [
    {},
    [
      `passwordPolicy is not set (AWS defaults to 8 characters); expected minimumLength >= 14 and every character class required. ${auth}`,
    ],
  ],
  config: [
    [
      "minimumLength 16 rejects 14",
      { minimumLength: 16 },
      {
        passwordPolicy: {
          minimumLength: 14,
          requireLowercase: true,
          requireUppercase: true,
          requireNumbers: true,
          requireSymbols: true,
        },
      },
      [`passwordPolicy.minimumLength is 14; expected at least 16. ${auth}`],
    ],
    [
      "minimumLength 12 accepts 12",
      { minimumLength: 12 },
      {
        passwordPolicy: {
          minimumLength: 12,
          requireLowercase: true,
          requireUppercase: true,
          requireNumbers: true,
          requireSymbols: true,
        },
      },
      [],
    ],
  ],
  unknown: [
    {
      passwordPolicy: {
        minimumLength: unknown,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSymbols: true,
      },
    },
  ],
});

const recovery = "(Control ID: HIPAA 164.308(a)(7); HIPAA 164.312(c)(1))";
describePolicy(policies.awsCognitoUserPoolEnableDeletionProtection, {
  type: pool,
  compliant: [{ deletionProtection: "ACTIVE" }],
  nonCompliant: [
    [
      "inactive",
      { deletionProtection: "INACTIVE" },
      [
        `deletionProtection is "INACTIVE" (AWS defaults to "INACTIVE"); expected "ACTIVE". ${recovery}`,
      ],
    ],
  ],
  absent: [
    {},
    [`deletionProtection is not set (AWS defaults to "INACTIVE"); expected "ACTIVE". ${recovery}`],
  ],
  unknown: [{ deletionProtection: unknown }],
});

const logoff = "(Control ID: HIPAA 164.312(a)(2)(iii); GDPR Art. 32)";
describePolicy(policies.awsCognitoUserPoolClientConfigureTokenValidity, {
  type: client,
  compliant: [
    {
      userPoolId: "p",
      accessTokenValidity: 15,
      idTokenValidity: 15,
      tokenValidityUnits: { accessToken: "minutes", idToken: "minutes" },
    },
    { userPoolId: "p", accessTokenValidity: 1, idTokenValidity: 1 },
  ],
  nonCompliant: [
    [
      "day-long tokens",
      {
        userPoolId: "p",
        accessTokenValidity: 24,
        idTokenValidity: 1,
        tokenValidityUnits: { idToken: "days" },
      },
      [
        `accessToken validity is 24 hours; expected at most 60 minutes. ${logoff}`,
        `idToken validity is 1 days; expected at most 60 minutes. ${logoff}`,
      ],
    ],
  ],
  absent: [{ userPoolId: "p" }, []],
  config: [
    [
      "maxTokenMinutes 15 rejects the 1-hour default",
      { maxTokenMinutes: 15 },
      { userPoolId: "p", idTokenValidity: 15, tokenValidityUnits: { idToken: "minutes" } },
      [
        `accessToken validity is not set (AWS defaults to 1 hour); expected at most 15 minutes. ${logoff}`,
      ],
    ],
  ],
  unknown: [{ userPoolId: "p", accessTokenValidity: unknown }],
});

const session = "(Control ID: HIPAA 164.312(a)(2)(iii); HIPAA 164.312(d))";
describePolicy(policies.awsCognitoUserPoolClientConfigureRefreshTokenValidity, {
  type: client,
  compliant: [
    { userPoolId: "p", refreshTokenValidity: 12, tokenValidityUnits: { refreshToken: "hours" } },
    { userPoolId: "p", refreshTokenValidity: 1 },
  ],
  nonCompliant: [
    [
      "30 days",
      { userPoolId: "p", refreshTokenValidity: 30 },
      [`refreshTokenValidity is 30 days; expected at most 24 hours. ${session}`],
    ],
  ],
  absent: [
    { userPoolId: "p" },
    [
      `refreshTokenValidity is not set (AWS defaults to 30 days); expected at most 24 hours. ${session}`,
    ],
  ],
  config: [
    [
      "maxRefreshTokenHours 168 accepts 7 days",
      { maxRefreshTokenHours: 168 },
      { userPoolId: "p", refreshTokenValidity: 7 },
      [],
    ],
    [
      "maxRefreshTokenHours 8 rejects 12 hours",
      { maxRefreshTokenHours: 8 },
      { userPoolId: "p", refreshTokenValidity: 12, tokenValidityUnits: { refreshToken: "hours" } },
      [`refreshTokenValidity is 12 hours; expected at most 8 hours. ${session}`],
    ],
  ],
  unknown: [{ userPoolId: "p", refreshTokenValidity: unknown }],
});

const implicit = "(Control ID: HIPAA 164.312(d); HIPAA 164.312(e)(1); GDPR Art. 32)";
describePolicy(policies.awsCognitoUserPoolClientDisableImplicitFlow, {
  type: client,
  compliant: [{ userPoolId: "p", allowedOauthFlows: ["code"] }],
  nonCompliant: [
    [
      "implicit grant",
      { userPoolId: "p", allowedOauthFlows: ["code", "implicit"] },
      [
        `allowedOauthFlows is ["code","implicit"]; expected no "implicit" (use "code"). ${implicit}`,
      ],
    ],
  ],
  absent: [{ userPoolId: "p" }, []],
  unknown: [{ userPoolId: "p", allowedOauthFlows: unknown }],
});

const enumeration = "(Control ID: GDPR Art. 25; HIPAA 164.312(d))";
describePolicy(policies.awsCognitoUserPoolClientEnablePreventUserExistenceErrors, {
  type: client,
  compliant: [{ userPoolId: "p", preventUserExistenceErrors: "ENABLED" }],
  nonCompliant: [
    [
      "legacy errors",
      { userPoolId: "p", preventUserExistenceErrors: "LEGACY" },
      [`preventUserExistenceErrors is "LEGACY"; expected "ENABLED". ${enumeration}`],
    ],
  ],
  absent: [
    { userPoolId: "p" },
    [`preventUserExistenceErrors is not set; expected "ENABLED". ${enumeration}`],
  ],
  unknown: [{ userPoolId: "p", preventUserExistenceErrors: unknown }],
});

const unique = "(Control ID: HIPAA 164.312(a)(2)(i); HIPAA 164.312(a)(1))";
describePolicy(policies.awsCognitoIdentityPoolDisallowUnauthenticatedIdentities, {
  type: identityPool,
  compliant: [{ identityPoolName: "p", allowUnauthenticatedIdentities: false }],
  nonCompliant: [
    [
      "guest identities",
      { identityPoolName: "p", allowUnauthenticatedIdentities: true },
      [`allowUnauthenticatedIdentities is true; expected false. ${unique}`],
    ],
  ],
  absent: [{ identityPoolName: "p" }, []],
  unknown: [{ identityPoolName: "p", allowUnauthenticatedIdentities: unknown }],
});

const tokenCheck = "(Control ID: HIPAA 164.312(d); HIPAA 164.312(a)(2)(iii))";
describePolicy(policies.awsCognitoIdentityPoolEnableServerSideTokenCheck, {
  type: identityPool,
  compliant: [
    {
      identityPoolName: "p",
      cognitoIdentityProviders: [{ clientId: "c", providerName: "n", serverSideTokenCheck: true }],
    },
  ],
  nonCompliant: [
    [
      "one provider without the check",
      {
        identityPoolName: "p",
        cognitoIdentityProviders: [
          { clientId: "c", providerName: "n", serverSideTokenCheck: true },
          { clientId: "d", providerName: "m", serverSideTokenCheck: false },
          { clientId: "e", providerName: "o" },
        ],
      },
      [
        `cognitoIdentityProviders[1].serverSideTokenCheck is false; expected true. ${tokenCheck}`,
        `cognitoIdentityProviders[2].serverSideTokenCheck is not set; expected true. ${tokenCheck}`,
      ],
    ],
  ],
  absent: [{ identityPoolName: "p" }, []],
  unknown: [
    {
      identityPoolName: "p",
      cognitoIdentityProviders: [{ clientId: "c", serverSideTokenCheck: unknown }],
    },
  ],
});
