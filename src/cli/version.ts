import packageJson from '../../package.json' with { type: 'json' }

/**
 * The package version `cse-mock --version` prints.
 * @example
 * CLI_VERSION // '0.1.0'
 */
export const CLI_VERSION: string = packageJson.version
