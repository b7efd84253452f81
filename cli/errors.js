/**
 * @module cli/errors
 * A failure the CLI reports as one message and a non-zero exit, without a stack trace
 * (`--verbose` prints the stack of its cause).
 */
export class CliError extends Error {
  constructor(message, exitCode = 1, cause = undefined) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
