/** Reads a required environment variable at cold start; the error names the variable and what it should hold. */
export function requireEnv(
  name: string,
  expected: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const value = env[name];
  if (value === undefined || value.trim() === "") {
    throw new Error(
      `environment variable ${name} is ${value === undefined ? "not set" : "empty"}; expected ${expected}`,
    );
  }
  return value.trim();
}

/** True for SNS FIFO topics, which dedupe on MessageDeduplicationId and need a MessageGroupId. */
export function isFifoTopic(topicArn: string): boolean {
  return topicArn.endsWith(".fifo");
}
