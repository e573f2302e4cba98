import type { FlagSpec } from '../flags.ts'

const text = (name: string, value: string, description: string): FlagSpec => ({
  name,
  type: 'string',
  value,
  description,
})

/** The flags of `cse-mock verify`, in the order `--help` lists them. */
export const VERIFY_FLAGS: readonly FlagSpec[] = [
  text('endpoint', 'URL', 'A live registry to verify, e.g. https://cse.example.com:30100'),
  {
    ...text('target', 'mock|server', 'Verify the in-process mock or a spawned server instead'),
    default: 'CSE_ENDPOINT, CSE_TARGET or mock',
  },
  { ...text('project', 'P', 'Project path segment'), default: 'default' },
  text('domain', 'D', 'Tenant domain, sent as X-Domain-Name'),
  text('token', 'T', 'Bearer token for engines with security authentication'),
  text('user', 'U', 'Account to exchange for a token at POST /v4/token (with --password)'),
  text('password', 'P', 'Password of --user'),
  text('ca-file', 'F', 'PEM file of a private certificate authority'),
  {
    name: 'insecure',
    type: 'boolean',
    description: 'Accept any TLS certificate (test registries only)',
  },
  text('profile', 'cse|servicecomb', 'Profile of the mock or server target (default: cse)'),
  { ...text('rate', 'N', 'Requests per second, 0 for no bound'), default: '20 live, 0 otherwise' },
  text('timeout', 'MS', 'Abort a request after this many milliseconds'),
  text('junit', 'FILE', 'Write a JUnit XML report'),
  text('json', 'FILE', 'Write a JSON report'),
  { name: 'dry-run', type: 'boolean', description: 'Print the plan and send nothing' },
  { name: 'help', type: 'boolean', description: 'Show this help' },
]
