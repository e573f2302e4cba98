import { LIVE_CLIENT_FLAGS } from '../client-flags.ts'
import type { FlagSpec } from '../flags.ts'

/** The flags of `cse-mock import`, in the order `--help` lists them. */
export const IMPORT_FLAGS: readonly FlagSpec[] = [
  ...LIVE_CLIENT_FLAGS,
  {
    name: 'app',
    type: 'string',
    value: 'ID',
    multiple: true,
    default: 'every app',
    description: 'Import only this appId; repeat it or list several with commas',
  },
  {
    name: 'out',
    type: 'string',
    value: 'FILE',
    default: 'stdout',
    description: 'Write the snapshot to FILE',
  },
  {
    name: 'redact',
    type: 'boolean',
    default: 'on',
    description: 'Replace property values, hosts and schema contents with stand-ins',
  },
  { name: 'no-redact', type: 'boolean', description: 'Keep every value as the registry has it' },
  {
    name: 'keep-properties',
    type: 'string',
    value: 'KEY,...',
    multiple: true,
    description: 'Property keys whose values are kept when redacting',
  },
  {
    name: 'redact-key',
    type: 'string',
    value: 'TEXT',
    default: 'CSE_REDACT_KEY or a public key',
    description: 'Secret the stand-ins are derived from',
  },
  { name: 'dry-run', type: 'boolean', description: 'Print the requests it would send, send none' },
  { name: 'help', type: 'boolean', description: 'Show this help' },
]
