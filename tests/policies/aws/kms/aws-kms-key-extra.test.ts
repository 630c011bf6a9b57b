import { awsKmsKeyConfigureDeletionWindow, awsKmsKeyEnableKey } from "../../../../policies/aws/kms";
import { describePolicy, unknown } from "../cases";

const type = "aws:kms/key:Key";
const recovery = "(Control ID: HIPAA 164.308(a)(7); GDPR Art. 32)";

describePolicy(awsKmsKeyConfigureDeletionWindow, {
  type,
  compliant: [{ deletionWindowInDays: 30 }],
  nonCompliant: [
    [
      "a 7-day window",
      { deletionWindowInDays: 7 },
      [`deletionWindowInDays is 7; expected at least 30. ${recovery}`],
    ],
  ],
  absent: [{}, []],
  config: [
    [
      "minDeletionWindowDays 7 accepts 7",
      { minDeletionWindowDays: 7 },
      { deletionWindowInDays: 7 },
      [],
    ],
    [
      "minDeletionWindowDays 14 rejects 10",
      { minDeletionWindowDays: 14 },
      { deletionWindowInDays: 10 },
      [`deletionWindowInDays is 10; expected at least 14. ${recovery}`],
    ],
  ],
  unknown: [{ deletionWindowInDays: unknown }],
});

describePolicy(awsKmsKeyEnableKey, {
  type,
  compliant: [{ isEnabled: true }],
  nonCompliant: [
    [
      "a disabled key",
      { isEnabled: false },
      [`isEnabled is false; expected true (a disabled key makes its data unreadable). ${recovery}`],
    ],
  ],
  absent: [{}, []],
  unknown: [{ isEnabled: unknown }],
});
