import {
  Recorded,
  account,
  byType,
  installMocks,
  one,
  region,
  settle,
  valueOf,
  key,
} from "../../helpers/mocks";

let recorded: Recorded[];
let identityModule: typeof import("../../../components/aws/identity");
let apiModule: typeof import("../../../components/aws/http-api");

beforeAll(async () => {
  recorded = await installMocks();
  identityModule = await import("../../../components/aws/identity");
  apiModule = await import("../../../components/aws/http-api");
});

describe("Identity", () => {
  let identity: InstanceType<typeof identityModule.Identity>;

  beforeAll(async () => {
    identity = new identityModule.Identity("identity", {
      namePrefix: "mc-eu",
      appUrl: "https://eu.app.example.org",
    });
    await valueOf(identity.audiences);
    await settle();
  });

  it("creates a user pool with MFA, Plus tier advanced security, strong passwords, deletion protection and e-mail recovery only", () => {
    expect(one(recorded, "aws:cognito/userPool:UserPool", "identity-pool").inputs).toEqual({
      name: "mc-eu-identity",
      userPoolTier: "PLUS",
      userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
      mfaConfiguration: "ON",
      softwareTokenMfaConfiguration: { enabled: true },
      passwordPolicy: {
        minimumLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSymbols: true,
        passwordHistorySize: 24,
        temporaryPasswordValidityDays: 1,
      },
      deletionProtection: "ACTIVE",
      accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] },
      adminCreateUserConfig: { allowAdminCreateUserOnly: true },
      usernameAttributes: ["email"],
      autoVerifiedAttributes: ["email"],
      usernameConfiguration: { caseSensitive: false },
      deviceConfiguration: {
        challengeRequiredOnNewDevice: true,
        deviceOnlyRememberedOnUserPrompt: true,
      },
    });
  });

  it("creates one group per platform role in the pool", () => {
    const groups = byType(recorded, "aws:cognito/userGroup:UserGroup");
    expect(groups.map((g) => [g.inputs.name, g.inputs.userPoolId])).toEqual(
      ["admin", "doctor", "nurse", "clerk", "patient"].map((r) => [r, "identity-pool-id"]),
    );
  });

  it("gives the SPA a public client: code flow only (PKCE), no secret, 15-minute tokens, bounded refresh", () => {
    const spa = one(recorded, "aws:cognito/userPoolClient:UserPoolClient", "identity-spa").inputs;
    expect(spa).toEqual({
      name: "mc-eu-identity-spa",
      userPoolId: "identity-pool-id",
      generateSecret: false,
      allowedOauthFlowsUserPoolClient: true,
      allowedOauthFlows: ["code"],
      allowedOauthScopes: ["openid", "email", "profile"],
      explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
      supportedIdentityProviders: ["COGNITO"],
      callbackUrls: ["https://eu.app.example.org/auth/callback"],
      logoutUrls: ["https://eu.app.example.org/auth/signed-out"],
      accessTokenValidity: 15,
      idTokenValidity: 15,
      refreshTokenValidity: 12,
      tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "hours" },
      enableTokenRevocation: true,
      preventUserExistenceErrors: "ENABLED",
      authSessionValidity: 3,
    });
  });

  it("gives servers a confidential client with a secret and client credentials on the API scopes", () => {
    const server = one(
      recorded,
      "aws:cognito/userPoolClient:UserPoolClient",
      "identity-server",
    ).inputs;
    expect([
      server.generateSecret,
      server.allowedOauthFlows,
      server.allowedOauthScopes,
      server.accessTokenValidity,
    ]).toEqual([
      true,
      ["client_credentials"],
      ["appointments.read", "appointments.write", "vitals.read"].map(
        (s) => `https://eu.app.example.org/api/${s}`,
      ),
      15,
    ]);
  });

  it("creates no identity pool unless asked", () => {
    expect(byType(recorded, "aws:cognito/identityPool:IdentityPool")).toEqual([]);
  });

  it("outputs the issuer and both client ids as audiences", async () => {
    expect(await valueOf(identity.issuerUrl)).toBe(
      `https://cognito-idp.${region}.amazonaws.com/identity-pool-id`,
    );
    expect(await valueOf(identity.audiences)).toEqual(["identity-spa-id", "identity-server-id"]);
  });

  it("creates an identity pool without unauthenticated identities and with server-side token checks when asked", async () => {
    const withPool = new identityModule.Identity("idp", {
      namePrefix: "mc",
      appUrl: "https://a.example.org",
      identityPool: true,
    });
    await valueOf(withPool.identityPoolId!);
    await settle();
    expect(one(recorded, "aws:cognito/identityPool:IdentityPool", "idp-identities").inputs).toEqual(
      {
        identityPoolName: "mc_idp",
        allowUnauthenticatedIdentities: false,
        allowClassicFlow: false,
        cognitoIdentityProviders: [
          {
            clientId: "idp-spa-id",
            providerName: `cognito-idp.${region}.amazonaws.com/idp-pool-id`,
            serverSideTokenCheck: true,
          },
        ],
      },
    );
  });

  it("refuses long tokens, naming the argument", () => {
    expect(
      () =>
        new identityModule.Identity("bad", {
          namePrefix: "mc",
          appUrl: "https://a.example.org",
          tokenValidityMinutes: 120,
        }),
    ).toThrow(
      "Identity bad: [tokenValidityMinutes] must be a whole number from 5 to 60, received 120",
    );
  });
});

describe("HttpApi", () => {
  const fnArn = `arn:aws:lambda:${region}:${account}:function:mc-eu-video-meeting`;

  beforeAll(async () => {
    const api = new apiModule.HttpApi("api", {
      namePrefix: "mc-eu",
      issuerUrl: `https://cognito-idp.${region}.amazonaws.com/pool-1`,
      audiences: ["spa-1", "server-1"],
      kmsKeyArn: key,
      logRetentionInDays: 2192,
      corsOrigins: ["https://eu.app.example.org"],
      routes: [
        {
          routeKey: "POST /appointments/{appointmentId}/meeting",
          function: { functionArn: fnArn, functionName: "mc-eu-video-meeting" },
        },
        {
          routeKey: "GET /vitals",
          function: { functionArn: fnArn, functionName: "mc-eu-video-meeting" },
          scopes: ["vitals.read"],
        },
      ],
    });
    await valueOf(api.stageName);
    await settle();
  });

  it("has a JWT authorizer with the identity's issuer and audiences", () => {
    expect(one(recorded, "aws:apigatewayv2/authorizer:Authorizer", "api-jwt").inputs).toEqual({
      apiId: "api-api-id",
      name: "mc-eu-api-jwt",
      authorizerType: "JWT",
      identitySources: ["$request.header.Authorization"],
      jwtConfiguration: {
        issuer: `https://cognito-idp.${region}.amazonaws.com/pool-1`,
        audiences: ["spa-1", "server-1"],
      },
    });
  });

  it("puts the JWT authorizer on every route, each on its own Lambda proxy integration", () => {
    const routes = byType(recorded, "aws:apigatewayv2/route:Route").filter((r) =>
      r.name.startsWith("api-"),
    );
    expect(routes.map((r) => r.inputs)).toEqual([
      {
        apiId: "api-api-id",
        routeKey: "POST /appointments/{appointmentId}/meeting",
        authorizationType: "JWT",
        authorizerId: "api-jwt-id",
        target: "integrations/api-post-appointments-appointmentid-meeting-id",
      },
      {
        apiId: "api-api-id",
        routeKey: "GET /vitals",
        authorizationType: "JWT",
        authorizerId: "api-jwt-id",
        authorizationScopes: ["vitals.read"],
        target: "integrations/api-get-vitals-id",
      },
    ]);
    expect(
      one(
        recorded,
        "aws:apigatewayv2/integration:Integration",
        "api-post-appointments-appointmentid-meeting",
      ).inputs,
    ).toEqual({
      apiId: "api-api-id",
      integrationType: "AWS_PROXY",
      integrationMethod: "POST",
      integrationUri: fnArn,
      payloadFormatVersion: "2.0",
      timeoutMilliseconds: 29000,
    });
  });

  it("lets API Gateway invoke the function only from the route's ARN", () => {
    expect(
      one(
        recorded,
        "aws:lambda/permission:Permission",
        "api-post-appointments-appointmentid-meeting",
      ).inputs,
    ).toEqual({
      action: "lambda:InvokeFunction",
      function: "mc-eu-video-meeting",
      principal: "apigateway.amazonaws.com",
      sourceArn: `arn:aws:execute-api:${region}:${account}:api-api-id/*/POST/appointments/*/meeting`,
    });
  });

  it("deploys a throttled stage without data tracing, with JSON access logs (no bodies) to a KMS-encrypted log group", () => {
    const stage = one(recorded, "aws:apigatewayv2/stage:Stage", "api-stage").inputs;
    expect(stage).toEqual({
      apiId: "api-api-id",
      name: "$default",
      autoDeploy: true,
      accessLogSettings: {
        destinationArn: `arn:aws:logs:${region}:${account}:log-group:/aws/apigateway/mc-eu-api/access`,
        format: apiModule.accessLogFormat,
      },
      defaultRouteSettings: {
        throttlingRateLimit: 50,
        throttlingBurstLimit: 100,
        dataTraceEnabled: false,
        detailedMetricsEnabled: true,
      },
    });
    const format = JSON.parse(stage.accessLogSettings.format) as Record<string, string>;
    expect(Object.values(format).filter((v) => /body|sourceIp|\$context\.path/i.test(v))).toEqual(
      [],
    );
    expect(one(recorded, "aws:cloudwatch/logGroup:LogGroup", "api-access-logs").inputs).toEqual({
      name: "/aws/apigateway/mc-eu-api/access",
      kmsKeyId: key,
      retentionInDays: 2192,
    });
  });

  it("refuses a $default or malformed route key and duplicate routes", () => {
    const base = {
      namePrefix: "mc",
      issuerUrl: "https://issuer",
      audiences: ["a"],
      kmsKeyArn: key,
      logRetentionInDays: 2192,
    };
    const target = { functionArn: fnArn, functionName: "f" };
    expect(
      () =>
        new apiModule.HttpApi("bad1", {
          ...base,
          routes: [{ routeKey: "$default", function: target }],
        }),
    ).toThrow('HttpApi bad1: [routes] routeKey "$default" is not "METHOD /path"');
    expect(
      () =>
        new apiModule.HttpApi("bad2", {
          ...base,
          routes: [
            { routeKey: "GET /a", function: target },
            { routeKey: "GET /a", function: target },
          ],
        }),
    ).toThrow('HttpApi bad2: [routes] declares "GET /a" twice');
  });
});
