import { TENANT_FLAGS } from '../client-flags.ts'
import { type FlagSpec, textFlag as text } from '../flags.ts'

/** The flags of `cse-mock verify`, in the order `--help` lists them. */
export const VERIFY_FLAGS: readonly FlagSpec[] = [
  text('endpoint', 'URL', 'A live registry to verify, e.g. https://cse.example.com:30100'),
  {
    ...text('target', 'mock|server', 'Verify the in-process mock or a spawned server instead'),
    default: 'CSE_ENDPOINT, CSE_TARGET or mock',
  },
  ...TENANT_FLAGS,
  text('profile', 'cse|servicecomb', 'Profile of the mock or server target (default: cse)'),
  { ...text('rate', 'N', 'Requests per second, 0 for no bound'), default: '20 live, 0 otherwise' },
  text('timeout', 'MS', 'Abort a request after this many milliseconds'),
  text('junit', 'FILE', 'Write a JUnit XML report'),
  text('json', 'FILE', 'Write a JSON report'),
  { name: 'dry-run', type: 'boolean', description: 'Print the plan and send nothing' },
  { name: 'help', type: 'boolean', description: 'Show this help' },
]
