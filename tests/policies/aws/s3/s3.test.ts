import * as policies from "../../../../policies/aws/s3";
import { describePolicy, unknown } from "../cases";

const bucket = "mediconnect-audit";
const key = "arn:aws:kms:eu-central-1:123456789012:key/0000";
const publicAccess = "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(e)(1); GDPR Art. 32)";
const all = {
  bucket,
  blockPublicAcls: true,
  blockPublicPolicy: true,
  ignorePublicAcls: true,
  restrictPublicBuckets: true,
};

describePolicy(policies.awsS3BucketPublicAccessBlockEnableAllSettings, {
  type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  compliant: [all],
  nonCompliant: [
    [
      "one setting off",
      { ...all, restrictPublicBuckets: false },
      [`restrictPublicBuckets is not true; expected all four settings true. ${publicAccess}`],
    ],
    [
      "two settings off",
      { ...all, blockPublicAcls: false, ignorePublicAcls: false },
      [
        `blockPublicAcls, ignorePublicAcls are not true; expected all four settings true. ${publicAccess}`,
      ],
    ],
  ],
  absent: [
    { bucket },
    [
      `blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets are not true; expected all four settings true. ${publicAccess}`,
    ],
  ],
  unknown: [{ ...all, blockPublicPolicy: unknown }],
});

const enc = "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";
describePolicy(policies.awsS3BucketServerSideEncryptionConfigurationEnableKms, {
  type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  compliant: [
    {
      bucket,
      rules: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key },
          bucketKeyEnabled: true,
        },
      ],
    },
  ],
  nonCompliant: [
    [
      "AES256",
      { bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
      [
        `rules[0].applyServerSideEncryptionByDefault.sseAlgorithm is "AES256"; expected "aws:kms" with a kmsMasterKeyId. ${enc}`,
      ],
    ],
    [
      "the AWS managed key",
      {
        bucket,
        rules: [
          {
            applyServerSideEncryptionByDefault: {
              sseAlgorithm: "aws:kms",
              kmsMasterKeyId: "alias/aws/s3",
            },
          },
        ],
      },
      [
        `rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId is "alias/aws/s3", an AWS managed key; expected a customer-managed KMS key. ${enc}`,
      ],
    ],
  ],
  absent: [
    { bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] },
    [
      `rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId is not set (the AWS managed aws/s3 key); expected a customer-managed KMS key. ${enc}`,
    ],
  ],
  unknown: [
    {
      bucket,
      rules: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: unknown },
        },
      ],
    },
  ],
});

const versioned = "(Control ID: HIPAA 164.308(a)(7); HIPAA 164.312(c)(1))";
describePolicy(policies.awsS3BucketVersioningEnableVersioning, {
  type: "aws:s3/bucketVersioning:BucketVersioning",
  compliant: [{ bucket, versioningConfiguration: { status: "Enabled" } }],
  nonCompliant: [
    [
      "suspended",
      { bucket, versioningConfiguration: { status: "Suspended" } },
      [`versioningConfiguration.status is "Suspended"; expected "Enabled". ${versioned}`],
    ],
  ],
  absent: [
    { bucket, versioningConfiguration: {} },
    [`versioningConfiguration.status is not set; expected "Enabled". ${versioned}`],
  ],
  unknown: [{ bucket, versioningConfiguration: { status: unknown } }],
});

const doc = (...statements: object[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements });
const arn = `arn:aws:s3:::${bucket}`;
const denyHttp = {
  Sid: "TlsOnly",
  Effect: "Deny",
  Principal: "*",
  Action: "s3:*",
  Resource: [arn, `${arn}/*`],
  Condition: { Bool: { "aws:SecureTransport": "false" } },
};
const readRole = {
  Sid: "Reader",
  Effect: "Allow",
  Principal: { AWS: "arn:aws:iam::123456789012:role/reader" },
  Action: "s3:GetObject",
  Resource: `${arn}/*`,
};
const transit = "(Control ID: HIPAA 164.312(e)(2)(ii); HIPAA 164.312(e)(1); GDPR Art. 32)";

describePolicy(policies.awsS3BucketPolicyEnforceSecureTransport, {
  type: "aws:s3/bucketPolicy:BucketPolicy",
  compliant: [
    { bucket, policy: doc(denyHttp, readRole) },
    {
      bucket,
      policy: {
        Version: "2012-10-17",
        Statement: [
          {
            ...denyHttp,
            Principal: { AWS: "*" },
            Condition: { Bool: { "aws:SecureTransport": false } },
          },
        ],
      },
    },
  ],
  nonCompliant: [
    [
      "a deny for one role only",
      {
        bucket,
        policy: doc({ ...denyHttp, Principal: { AWS: "arn:aws:iam::123456789012:role/x" } }),
      },
      [
        `No statement denies s3:* to Principal "*" when aws:SecureTransport is "false"; expected such a Deny statement. ${transit}`,
      ],
    ],
    [
      "not JSON",
      { bucket, policy: "{" },
      [
        `The bucket policy is not valid JSON, so its TLS requirement cannot be verified. ${transit}`,
      ],
    ],
  ],
  absent: [
    { bucket, policy: doc(readRole) },
    [
      `No statement denies s3:* to Principal "*" when aws:SecureTransport is "false"; expected such a Deny statement. ${transit}`,
    ],
  ],
  unknown: [{ bucket, policy: unknown }],
});

const access = "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 32)";
describePolicy(policies.awsS3BucketPolicyDisallowWildcardPrincipal, {
  type: "aws:s3/bucketPolicy:BucketPolicy",
  compliant: [
    { bucket, policy: doc(denyHttp, readRole) },
    {
      bucket,
      policy: doc({
        ...readRole,
        Principal: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } },
      }),
    },
  ],
  nonCompliant: [
    [
      "a public read",
      { bucket, policy: doc({ ...readRole, Sid: "Public", Principal: "*" }) },
      [
        `Bucket policy statement Public allows principal "*" without an account or organisation condition. ${access}`,
      ],
    ],
    [
      "not JSON",
      { bucket, policy: "nope" },
      [`The bucket policy is not valid JSON, so its principals cannot be verified. ${access}`],
    ],
  ],
  absent: [{ bucket, policy: doc() }, []],
  unknown: [{ bucket, policy: unknown }],
});

describePolicy(policies.awsS3BucketAclDisallowPublicAcl, {
  type: "aws:s3/bucketAcl:BucketAcl",
  compliant: [
    { bucket, acl: "private" },
    { bucket, acl: "log-delivery-write" },
  ],
  nonCompliant: [
    [
      "public-read",
      { bucket, acl: "public-read" },
      [`acl is "public-read"; expected "private". ${access}`],
    ],
    [
      "a grant to AllUsers",
      {
        bucket,
        accessControlPolicy: {
          owner: { id: "o" },
          grants: [
            {
              permission: "READ",
              grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" },
            },
          ],
        },
      },
      [
        `accessControlPolicy grants READ to http://acs.amazonaws.com/groups/global/AllUsers; expected no grants to public groups. ${access}`,
      ],
    ],
  ],
  absent: [{ bucket }, []],
  unknown: [{ bucket, acl: unknown }],
});

const retention = "(Control ID: HIPAA 164.316(b)(2); HIPAA 164.312(c)(1))";
describePolicy(policies.awsS3BucketObjectLockConfigurationConfigureRetention, {
  type: "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
  compliant: [
    { bucket, rule: { defaultRetention: { mode: "COMPLIANCE", years: 6 } } },
    { bucket, rule: { defaultRetention: { mode: "COMPLIANCE", days: 2192 } } },
  ],
  nonCompliant: [
    [
      "governance mode for one year",
      { bucket, rule: { defaultRetention: { mode: "GOVERNANCE", years: 1 } } },
      [
        `rule.defaultRetention.mode is "GOVERNANCE"; expected "COMPLIANCE". ${retention}`,
        `rule.defaultRetention is 1 years; expected at least 2192 days. ${retention}`,
      ],
    ],
    [
      "no period",
      { bucket, rule: { defaultRetention: { mode: "COMPLIANCE" } } },
      [`rule.defaultRetention is not set; expected at least 2192 days. ${retention}`],
    ],
  ],
  absent: [
    { bucket },
    [
      `rule.defaultRetention is not set; expected mode "COMPLIANCE" with at least 2192 days. ${retention}`,
    ],
  ],
  config: [
    [
      "minRetentionDays 365 accepts one year",
      { minRetentionDays: 365 },
      { bucket, rule: { defaultRetention: { mode: "COMPLIANCE", days: 365 } } },
      [],
    ],
    [
      "minRetentionDays 3653 rejects six years",
      { minRetentionDays: 3653 },
      { bucket, rule: { defaultRetention: { mode: "COMPLIANCE", years: 6 } } },
      [`rule.defaultRetention is 6 years; expected at least 3653 days. ${retention}`],
    ],
  ],
  unknown: [{ bucket, rule: { defaultRetention: { mode: "COMPLIANCE", days: unknown } } }],
});

describePolicy(policies.awsS3BucketDisallowPublicAcl, {
  type: "aws:s3/bucket:Bucket",
  compliant: [{ bucket }, { bucket, acl: "private" }],
  nonCompliant: [
    [
      "public-read-write",
      { bucket, acl: "public-read-write" },
      [`acl is "public-read-write"; expected no public ACL ("private" or none). ${access}`],
    ],
    [
      "a grant to AuthenticatedUsers",
      {
        bucket,
        grants: [
          {
            type: "Group",
            uri: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
            permissions: ["READ"],
          },
        ],
      },
      [
        `grants give ["READ"] to http://acs.amazonaws.com/groups/global/AuthenticatedUsers; expected no grants to public groups. ${access}`,
      ],
    ],
  ],
  absent: [{ bucket, serverSideEncryptionConfiguration: unknown }, []],
  unknown: [{ bucket, acl: unknown }],
});

describePolicy(policies.awsS3AccountPublicAccessBlockEnableAllSettings, {
  type: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
  compliant: [
    {
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
  ],
  nonCompliant: [
    [
      "policies allowed",
      {
        blockPublicAcls: true,
        blockPublicPolicy: false,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      },
      [`blockPublicPolicy is not true; expected all four settings true. ${publicAccess}`],
    ],
  ],
  absent: [
    {},
    [
      `blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets are not true; expected all four settings true. ${publicAccess}`,
    ],
  ],
  unknown: [
    {
      blockPublicAcls: unknown,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
  ],
});
