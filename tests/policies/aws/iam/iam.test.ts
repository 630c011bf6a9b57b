import * as policies from "../../../../policies/aws/iam";
import { describePolicy, unknown } from "../cases";

const access = "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 32)";
const doc = (...statements: object[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements });
const table = "arn:aws:dynamodb:eu-central-1:123456789012:table/vitals";
const scopedRead = {
  Sid: "Read",
  Effect: "Allow",
  Action: ["dynamodb:GetItem", "dynamodb:Query"],
  Resource: table,
};
const meetings = "arn:aws:chime:us-east-1:123456789012:meeting/*";

const kinds = [
  {
    label: "managed policy",
    type: "aws:iam/policy:Policy",
    props: (policy: unknown) => ({ policy }),
  },
  {
    label: "role policy",
    type: "aws:iam/rolePolicy:RolePolicy",
    props: (policy: unknown) => ({ role: "fn", policy }),
  },
] as const;

const admin = [
  policies.awsIamPolicyDisallowAdminAccess,
  policies.awsIamRolePolicyDisallowAdminAccess,
];
const chime = [
  policies.awsIamPolicyDisallowChimeWildcardResource,
  policies.awsIamRolePolicyDisallowChimeWildcardResource,
];
const phi = [
  policies.awsIamPolicyDisallowPhiServiceWildcard,
  policies.awsIamRolePolicyDisallowPhiServiceWildcard,
];

kinds.forEach(({ type, props }, i) => {
  describePolicy(admin[i], {
    type,
    compliant: [props(doc(scopedRead)), props({ Version: "2012-10-17", Statement: [scopedRead] })],
    nonCompliant: [
      [
        "Action * on *",
        props(doc({ Sid: "Admin", Effect: "Allow", Action: "*", Resource: "*" })),
        [`Statement Admin allows Action "*" on Resource "*" (administrator access). ${access}`],
      ],
      [
        "NotAction on *",
        props(doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" })),
        [
          `Statement #1 allows Action "NotAction" on Resource "*" (administrator access). ${access}`,
        ],
      ],
      [
        "not JSON",
        props("{"),
        [`The policy document is not valid JSON, so its grants cannot be verified. ${access}`],
      ],
    ],
    absent: [props(doc()), []],
    unknown: [props(unknown)],
  });

  describePolicy(chime[i], {
    type,
    compliant: [
      props(
        doc({
          Sid: "Meetings",
          Effect: "Allow",
          Action: ["chime:CreateMeeting", "chime:CreateAttendee", "chime:GetMeeting"],
          Resource: meetings,
        }),
      ),
    ],
    nonCompliant: [
      [
        "the demo's grant on *",
        props(
          doc({
            Sid: "Demo",
            Effect: "Allow",
            Action: ["chime:CreateMeeting", "chime:CreateAttendee"],
            Resource: "*",
          }),
        ),
        [
          `Statement Demo allows "chime:CreateMeeting", "chime:CreateAttendee" on Resource "*"; scope them to meeting ARNs. ${access}`,
        ],
      ],
      [
        "chime:*",
        props(doc({ Sid: "All", Effect: "Allow", Action: "chime:*", Resource: meetings })),
        [`Statement All allows "chime:*"; grant the named meeting actions only. ${access}`],
      ],
    ],
    absent: [props(doc(scopedRead)), []],
    unknown: [props(unknown)],
  });

  describePolicy(phi[i], {
    type,
    compliant: [
      props(doc(scopedRead)),
      props(doc({ Effect: "Allow", Action: "dynamodb:*", Resource: table })),
    ],
    nonCompliant: [
      [
        "kms:* and kinesis:* on *",
        props(
          doc({
            Sid: "Wide",
            Effect: "Allow",
            Action: ["kms:*", "kinesis:*", "ec2:Describe*"],
            Resource: "*",
          }),
        ),
        [`Statement Wide allows "kms:*", "kinesis:*" on Resource "*". ${access}`],
      ],
    ],
    absent: [props(doc({ Effect: "Allow", Action: "ec2:*", Resource: "*" })), []],
    config: [
      [
        "services adds ec2",
        { services: ["ec2"] },
        props(doc({ Sid: "Ec2", Effect: "Allow", Action: "ec2:*", Resource: "*" })),
        [`Statement Ec2 allows "ec2:*" on Resource "*". ${access}`],
      ],
      [
        "services replaces the list",
        { services: ["ec2"] },
        props(doc({ Effect: "Allow", Action: "kms:*", Resource: "*" })),
        [],
      ],
    ],
    unknown: [props(unknown)],
  });
});

const trust = "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(d); GDPR Art. 32)";
describePolicy(policies.awsIamRoleDisallowWildcardPrincipal, {
  type: "aws:iam/role:Role",
  compliant: [
    {
      assumeRolePolicy: doc({
        Effect: "Allow",
        Principal: { Service: "lambda.amazonaws.com" },
        Action: "sts:AssumeRole",
      }),
    },
  ],
  nonCompliant: [
    [
      "anyone",
      {
        assumeRolePolicy: doc({
          Sid: "Anyone",
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: "sts:AssumeRole",
        }),
      },
      [
        `Trust policy statement Anyone allows principal "*" without an account or organisation condition. ${trust}`,
      ],
    ],
    [
      "not JSON",
      { assumeRolePolicy: "{" },
      [`The assume role policy is not valid JSON, so its principals cannot be verified. ${trust}`],
    ],
  ],
  absent: [{ assumeRolePolicy: doc() }, []],
  unknown: [{ assumeRolePolicy: unknown }],
});

describePolicy(policies.awsIamRolePolicyAttachmentDisallowAdminPolicy, {
  type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  compliant: [
    { role: "fn", policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" },
    { role: "fn", policyArn: "arn:aws:iam::123456789012:policy/AdministratorAccess" },
  ],
  nonCompliant: [
    [
      "AdministratorAccess",
      { role: "fn", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
      [
        `policyArn is "arn:aws:iam::aws:policy/AdministratorAccess"; expected a least-privilege policy. ${access}`,
      ],
    ],
    [
      "PowerUserAccess in GovCloud",
      { role: "fn", policyArn: "arn:aws-us-gov:iam::aws:policy/PowerUserAccess" },
      [
        `policyArn is "arn:aws-us-gov:iam::aws:policy/PowerUserAccess"; expected a least-privilege policy. ${access}`,
      ],
    ],
  ],
  absent: [{ role: "fn", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }, []],
  unknown: [{ role: "fn", policyArn: unknown }],
});
