import {
  entropy,
  isLiteralSecret,
  isSecretReference,
  secretValueKind,
} from "../../policies/lib/secret-values";

describe("secretValueKind judges values by shape", () => {
  it.each([
    ["-----BEGIN PRIVATE KEY-----\nMIIE", "a PEM private key"],
    ["AKIAABCDEFGHIJKLMNOP", "an AWS access key id"],
    ["ghp_" + "a1B2".repeat(9), "a GitHub token"],
    ["xoxb-1234567890-abcdefghij", "a Slack token"],
    ["sk-proj-AbCdEfGhIjKlMnOpQrStUvWx", "an OpenAI or Anthropic API key"],
    ["AIza" + "Sy0123456789abcdefghijABCDEFGHIJ_-x", "a Google API key"],
    [
      "SG." + "aB3dE6gH9jK2mN5pQ8sT1v" + "." + "wX4zA7cD0fG3iJ6lM9oP2rS5uV8xY1bE4hK7nQ0tW3z",
      "a SendGrid API key",
    ],
    [
      "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=" + "Zm9vYmFy".repeat(5) + "==",
      "an Azure storage account key",
    ],
    [
      "Server=db;Database=phi;User Id=app;Password=Winter2026!;",
      "a password in a connection string",
    ],
    ["postgres://app:S3cr3t@db.internal:5432/phi", "a URL with an embedded password"],
    ["amqps://svc:p%40ss@mq.example.org", "a URL with an embedded password"],
    [
      "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "a high-entropy string (a generated key or password)",
    ],
    ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc_DEF-123", "a JSON Web Token"],
  ])("%s is %s", (value, kind) => {
    expect(secretValueKind(value)).toBe(kind);
  });

  it.each([
    ["eu-central-1"],
    ["https://fhir.internal/r4"],
    ["postgres://app:${DB_PASSWORD}@db.internal/phi"], // placeholder filled at run time
    ["postgres://db.internal:5432/phi"],
    ["arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-AbCdEf"],
    ["{{resolve:secretsmanager:db:SecretString:password}}"],
    ["projects/p/secrets/api-key/versions/3"],
    ["https://kv-phi.vault.azure.net/secrets/db/0123456789abcdef"],
    ["@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db/)"],
    ["0123456789abcdef0123456789abcdef01234567"], // a commit hash: hex has at most 4 bits/char
    ["123e4567-e89b-12d3-a456-426614174000"], // a UUID
    ["/var/lib/mediconnect/AbCdEf0123456789XyZ"], // a path
    ["ThisIsAPlainSentenceWithoutDigits"],
  ])("%s is not a secret", (value) => {
    expect(secretValueKind(value)).toBeUndefined();
  });

  it("measures entropy in bits per character", () => {
    expect(entropy("aaaa")).toBe(0);
    expect(entropy("abcd")).toBe(2);
  });
});

describe("isLiteralSecret accepts references whatever the name", () => {
  it.each([
    ["DB_PASSWORD", "hunter2", true],
    ["API_KEY", "k-123", true],
    ["DB_PASSWORD", "arn:aws:secretsmanager:eu-central-1:1:secret:db", false],
    ["CLIENT_SECRET", "${CLIENT_SECRET}", false],
    ["TOKEN_TTL", "3600", false],
    ["DB_PASSWORD_ARN", "anything", false],
    ["REGION", "eu-central-1", false],
    ["DB_PASSWORD_FILE", "/var/run/secrets/db/password", false], // the path of a mounted secret
    ["DB_PASSWORD", "/not a path/hunter2", true], // a space: not a path
    ["DB_PASSWORD", "/hunter2", true], // one segment: not a path to a mounted file
  ] as const)("%s=%s -> %s", (name, value, expected) => {
    expect(isLiteralSecret(name, value)).toBe(expected);
  });

  it("recognises secret-store references", () => {
    expect(isSecretReference("arn:aws:ssm:eu-central-1:1:parameter/mc/token")).toBe(true);
    expect(isSecretReference("hunter2")).toBe(false);
  });
});
