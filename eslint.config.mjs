import tseslint from "typescript-eslint";
import pulumi from "@pulumi/eslint-plugin";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "bin/**",
      "reports/**",
      ".cache/**",
      "**/*.js",
      "**/*.mjs",
      "tests/fixtures/programs/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    // The Pulumi rule needs type information to tell an Output from a string.
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@pulumi": pulumi },
    rules: {
      "@pulumi/no-output-in-template-literal": "error",
      curly: "error",
      eqeqeq: ["error", "always"],
      "prefer-const": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Generated protobuf classes and mock boundaries are untyped; tests build loose inputs on purpose.
    files: ["compliance/**/*.ts", "tests/**/*.ts", "fixtures/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
