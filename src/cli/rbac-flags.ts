import { generateKeyPairSync } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import type { RegistryError } from '../registry/errors.ts'
import type { RbacOptions } from '../registry/rbac/index.ts'
import { checkNewAccount } from '../registry/rbac/validation.ts'
import type { FlagSpec, ParsedFlags } from './flags.ts'
import { CliUsageError } from './usage-error.ts'

/**
 * The RBAC flags of `cse-mock serve`, listed after the others in `--help`.
 * @example
 * const flags = [...OTHER_FLAGS, ...RBAC_FLAGS]
 */
export const RBAC_FLAGS: readonly FlagSpec[] = [
  {
    name: 'rbac',
    type: 'boolean',
    default: 'off',
    description: 'Security authentication as Service Center with rbac.enable: tokens, roles',
  },
  {
    name: 'root-password',
    type: 'string',
    value: 'PASSWORD',
    default: '$SC_INIT_ROOT_PASSWORD',
    description: 'Password of the root account (8-32 chars, upper, lower, digit, special)',
  },
  {
    name: 'rbac-private-key',
    type: 'string',
    value: 'FILE',
    default: 'a key pair generated at start, lost on exit',
    description: 'PEM RSA private key tokens are signed with; created if missing',
  },
  {
    name: 'rbac-public-key',
    type: 'string',
    value: 'FILE',
    default: 'the generated pair',
    description: 'PEM RSA public key tokens are checked with; created if missing',
  },
]

/**
 * Reads the RBAC flags: `undefined` without `--rbac`; with it the root password (flag, else
 * `SC_INIT_ROOT_PASSWORD`) and the key pair. Key files that do not exist yet are created with
 * a new 2048-bit pair (the private key readable by its owner only), so the next start with the
 * same flags accepts the tokens issued before. Throws `CliUsageError`.
 * @example
 * const rbac = await rbacOptionsFromFlags(flags, process.env)
 */
export async function rbacOptionsFromFlags(
  flags: ParsedFlags,
  env: Record<string, string | undefined>,
): Promise<RbacOptions | undefined> {
  const privateFile = flags['rbac-private-key'] as string | undefined
  const publicFile = flags['rbac-public-key'] as string | undefined
  const rootPassword = (flags['root-password'] as string | undefined) ?? env.SC_INIT_ROOT_PASSWORD
  if (!flags.rbac) {
    if (
      privateFile !== undefined ||
      publicFile !== undefined ||
      flags['root-password'] !== undefined
    ) {
      throw new CliUsageError('--root-password and the --rbac-*-key flags need --rbac')
    }
    return undefined
  }
  const options: RbacOptions = {}
  if (rootPassword) {
    try {
      checkNewAccount({ name: 'root', password: rootPassword, roles: ['admin'], status: '' })
    } catch (error) {
      throw new CliUsageError(
        `the root password is refused (${(error as RegistryError).detail}); use 8-32 characters with upper and lower case, a digit and a special character`,
      )
    }
    options.rootPassword = rootPassword
  }
  if ((privateFile === undefined) !== (publicFile === undefined)) {
    throw new CliUsageError('--rbac-private-key and --rbac-public-key go together; pass both')
  }
  if (privateFile !== undefined && publicFile !== undefined) {
    options.keys = await readOrCreateKeys(privateFile, publicFile)
  }
  return options
}

async function readOrCreateKeys(privateFile: string, publicFile: string) {
  const [privateKey, publicKey] = await Promise.all([
    readOptional(privateFile),
    readOptional(publicFile),
  ])
  if (privateKey !== undefined && publicKey !== undefined) return { privateKey, publicKey }
  if (privateKey !== undefined || publicKey !== undefined) {
    const missing = privateKey === undefined ? privateFile : publicFile
    throw new CliUsageError(
      `--rbac-*-key: '${missing}' does not exist but its pair does; pass both files of one key pair`,
    )
  }
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  try {
    await writeFile(privateFile, pair.privateKey, { mode: 0o600, flag: 'wx' })
    await writeFile(publicFile, pair.publicKey, { mode: 0o644, flag: 'wx' })
  } catch (error) {
    throw new CliUsageError(
      `--rbac-*-key: cannot create the key files: ${(error as Error).message}`,
    )
  }
  return pair
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new CliUsageError(`--rbac-*-key: cannot read '${path}': ${(error as Error).message}`)
  }
}
