/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  // Transpile only: `npm test` type-checks the whole tree with tsc first.
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json", diagnostics: false }] },
  testTimeout: 60000,
  // The Pulumi runtime keeps process-wide state: one worker per file keeps mocks from leaking across files.
  maxWorkers: 2,
};
