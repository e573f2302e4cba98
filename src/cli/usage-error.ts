/**
 * A command line the CLI cannot run: a bad flag, a missing file, an unknown command. The CLI
 * prints the message with a usage hint and exits with code 2.
 * @example
 * throw new CliUsageError("--port must be an integer from 0 to 65535; got 'abc'")
 */
export class CliUsageError extends Error {
  readonly code = 'ERR_CLI_USAGE'

  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'CliUsageError'
  }
}
