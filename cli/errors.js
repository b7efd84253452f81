/**
 * @module cli/errors
 * A failure the CLI reports as one message and a non-zero exit, without a stack trace.
 */
export class CliError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
