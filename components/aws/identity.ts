import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { physicalName } from "../shared/naming";
import { wholeNumber } from "../shared/validate";

/** The platform's roles; each becomes a Cognito group and reaches handlers in the `cognito:groups` claim. */
export const platformRoles = ["admin", "doctor", "nurse", "clerk", "patient"] as const;

export interface IdentityArgs {
  /** Prefix of physical names and of the hosted sign-in domain (`<namePrefix>-<name>`). */
  readonly namePrefix: string;
  /** Web origin of the single-page app (https, no path); callback and logout URLs derive from it. */
  readonly appUrl: string;
  /**
   * Minutes access and id tokens stay valid (5 to 60): the automatic logoff of an idle session.
   * @default 15
   */
  readonly tokenValidityMinutes?: number;
  /**
   * Hours a refresh token stays valid (1 to 24): the longest a session lives without signing in again.
   * @default 12, one clinical shift
   */
  readonly refreshTokenValidityHours?: number;
  /**
   * Scopes of the API's resource server; the confidential server client receives all of them.
   * @default ["appointments.read", "appointments.write", "vitals.read"]
   */
  readonly apiScopes?: readonly string[];
  /**
   * Creates an identity pool (AWS credentials for signed-in users), without unauthenticated identities and with
   * server-side token checks. The platform's clients call the API with JWTs and do not need one.
   * @default false
   */
  readonly identityPool?: boolean;
  /** Extra tags. @default none */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * Cognito identity for the platform: a user pool with MFA required, Plus tier advanced security enforced, a strong
 * password policy, deletion protection, recovery by verified e-mail only, admin-created users, groups for the
 * platform roles, a public SPA client (authorization code with PKCE, no secret) and a confidential server client
 * (client credentials). Outputs what a JWT authorizer needs: the issuer and the audiences.
 */
export class Identity extends pulumi.ComponentResource {
  public readonly userPoolId: pulumi.Output<string>;
  public readonly userPoolArn: pulumi.Output<string>;
  /** `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`: the JWT issuer. */
  public readonly issuerUrl: pulumi.Output<string>;
  /** Client ids a JWT authorizer accepts as audience: the SPA client and the server client. */
  public readonly audiences: pulumi.Output<string[]>;
  public readonly spaClientId: pulumi.Output<string>;
  public readonly serverClientId: pulumi.Output<string>;
  public readonly domain: pulumi.Output<string>;
  public readonly resourceServerIdentifier: pulumi.Output<string>;
  public readonly identityPoolId?: pulumi.Output<string>;
  public readonly groupNames: pulumi.Output<string>[];

  constructor(name: string, args: IdentityArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:aws:Identity", name, {}, opts);
    const where = `Identity ${name}`;
    const tokenMinutes = wholeNumber(
      where,
      "tokenValidityMinutes",
      args.tokenValidityMinutes ?? 15,
      5,
      60,
    );
    const refreshHours = wholeNumber(
      where,
      "refreshTokenValidityHours",
      args.refreshTokenValidityHours ?? 12,
      1,
      24,
    );
    if (!/^https:\/\/[^/]+$/.test(args.appUrl)) {
      throw new Error(
        `Identity ${name}: [appUrl] must be an https origin without path, received ${JSON.stringify(args.appUrl)}`,
      );
    }
    const scopes = args.apiScopes ?? ["appointments.read", "appointments.write", "vitals.read"];
    const region = aws.getRegionOutput({}, { parent: this }).region;

    const pool = new aws.cognito.UserPool(
      `${name}-pool`,
      {
        name: physicalName(args.namePrefix, name, 128),
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
        tags: args.tags,
      },
      { parent: this },
    );

    const groupNames = platformRoles.map(
      (role, i) =>
        new aws.cognito.UserGroup(
          `${name}-${role}`,
          {
            userPoolId: pool.id,
            name: role,
            description: `MediConnect role ${role}`,
            precedence: i,
          },
          { parent: this },
        ).name,
    );

    const domain = new aws.cognito.UserPoolDomain(
      `${name}-domain`,
      { userPoolId: pool.id, domain: physicalName(args.namePrefix, `${name}-auth`, 63) },
      { parent: this },
    );

    const resourceServer = new aws.cognito.ResourceServer(
      `${name}-api`,
      {
        userPoolId: pool.id,
        identifier: `${args.appUrl}/api`,
        name: physicalName(args.namePrefix, `${name}-api`, 256),
        scopes: scopes.map((s) => ({ scopeName: s, scopeDescription: `MediConnect API ${s}` })),
      },
      { parent: this },
    );

    const tokenValidity = {
      accessTokenValidity: tokenMinutes,
      idTokenValidity: tokenMinutes,
      refreshTokenValidity: refreshHours,
      tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "hours" },
      enableTokenRevocation: true,
      preventUserExistenceErrors: "ENABLED",
      authSessionValidity: 3,
    };

    const spa = new aws.cognito.UserPoolClient(
      `${name}-spa`,
      {
        name: physicalName(args.namePrefix, `${name}-spa`, 128),
        userPoolId: pool.id,
        generateSecret: false,
        allowedOauthFlowsUserPoolClient: true,
        // Authorization code only; Cognito requires PKCE for public clients using it. No implicit flow.
        allowedOauthFlows: ["code"],
        allowedOauthScopes: ["openid", "email", "profile"],
        explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
        supportedIdentityProviders: ["COGNITO"],
        callbackUrls: [`${args.appUrl}/auth/callback`],
        logoutUrls: [`${args.appUrl}/auth/signed-out`],
        ...tokenValidity,
      },
      { parent: this, dependsOn: [domain] },
    );

    const server = new aws.cognito.UserPoolClient(
      `${name}-server`,
      {
        name: physicalName(args.namePrefix, `${name}-server`, 128),
        userPoolId: pool.id,
        generateSecret: true,
        allowedOauthFlowsUserPoolClient: true,
        allowedOauthFlows: ["client_credentials"],
        allowedOauthScopes: scopes.map(
          (s) => pulumi.interpolate`${resourceServer.identifier}/${s}`,
        ),
        explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
        supportedIdentityProviders: ["COGNITO"],
        ...tokenValidity,
      },
      { parent: this, dependsOn: [domain] },
    );

    if (args.identityPool) {
      const identities = new aws.cognito.IdentityPool(
        `${name}-identities`,
        {
          identityPoolName: physicalName(args.namePrefix, name, 128).replace(/-/g, "_"),
          allowUnauthenticatedIdentities: false,
          allowClassicFlow: false,
          cognitoIdentityProviders: [
            {
              clientId: spa.id,
              providerName: pulumi.interpolate`cognito-idp.${region}.amazonaws.com/${pool.id}`,
              serverSideTokenCheck: true,
            },
          ],
          tags: args.tags,
        },
        { parent: this },
      );
      this.identityPoolId = identities.id;
    }

    this.userPoolId = pool.id;
    this.userPoolArn = pool.arn;
    this.issuerUrl = pulumi.interpolate`https://cognito-idp.${region}.amazonaws.com/${pool.id}`;
    this.audiences = pulumi.all([spa.id, server.id]);
    this.spaClientId = spa.id;
    this.serverClientId = server.id;
    this.domain = domain.domain;
    this.resourceServerIdentifier = resourceServer.identifier;
    this.groupNames = groupNames;
    this.registerOutputs({
      userPoolId: this.userPoolId,
      userPoolArn: this.userPoolArn,
      issuerUrl: this.issuerUrl,
      audiences: this.audiences,
      spaClientId: this.spaClientId,
      serverClientId: this.serverClientId,
      domain: this.domain,
      resourceServerIdentifier: this.resourceServerIdentifier,
      identityPoolId: this.identityPoolId,
      groupNames: this.groupNames,
    });
  }
}
