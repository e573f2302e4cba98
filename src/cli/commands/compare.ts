import { writeFile } from 'node:fs/promises'
import { formatStepLine, summarise, toMarkdown } from '../../compare/report.ts'
import { runComparison } from '../../compare/run-comparison.ts'
import { createSequence } from '../../compare/sequence/index.ts'
import { defineCommand } from '../command.ts'
import { type FlagSpec, integerFlag, parseFlags } from '../flags.ts'
import { CliUsageError } from '../usage-error.ts'

const COMPARE_FLAGS: readonly FlagSpec[] = [
  {
    name: 'left',
    type: 'string',
    value: 'URL',
    description: 'First registry, e.g. a real Service Center',
  },
  {
    name: 'right',
    type: 'string',
    value: 'URL',
    description: 'Second registry, e.g. cse-mock serve',
  },
  {
    name: 'report',
    type: 'string',
    value: 'FILE',
    description: 'Write every difference as a Markdown table',
  },
  {
    name: 'settle',
    type: 'string',
    value: 'MS',
    default: '3000',
    description:
      'Re-send a differing read for up to MS ms (a real Service Center reads from a cache)',
  },
  { name: 'help', type: 'boolean', description: 'Show this help' },
]

/**
 * `cse-mock compare`: sends the same request sequence to two registries and lists where
 * their answers differ; exit 0 when they agree everywhere, 1 when they differ, 2 on bad flags.
 * @example
 * const code = await compareCommand.run(['--left', 'http://127.0.0.1:30100', '--right', 'http://127.0.0.1:30200'], processIo)
 */
export const compareCommand = defineCommand({
  name: 'compare',
  summary: 'Send one request sequence to two registries and report every difference',
  flags: COMPARE_FLAGS,
  async run(argv, io) {
    const flags = parseFlags(COMPARE_FLAGS, argv)
    const left = url(flags.left, 'left')
    const right = url(flags.right, 'right')
    const settleMs = integerFlag('settle', String(flags.settle ?? '3000'), 0, 60_000)
    const app = `cmp-${Date.now().toString(36)}`
    io.out(`Comparing ${left} (left) with ${right} (right) as application ${app}`)
    let index = 0
    const results = await runComparison({
      left,
      right,
      settleMs,
      steps: createSequence(app),
      onStep: (result) => io.out(formatStepLine(result, ++index)),
    })
    const total = summarise(results)
    const kinds = Object.entries(total.byKind).map(([kind, count]) => `${kind} ${count}`)
    io.out(`${total.steps} requests, ${total.differingSteps} differ (${kinds.join(', ')})`)
    if (typeof flags.report === 'string') {
      await writeFile(flags.report, toMarkdown(results, { left, right }))
      io.out(`Report written to ${flags.report}`)
    }
    return total.differingSteps > 0 ? 1 : 0
  },
})

function url(value: string | boolean | undefined, name: string): string {
  if (typeof value !== 'string' || !/^https?:\/\/[^/]+/.test(value)) {
    throw new CliUsageError(`--${name} must be an http(s) URL such as http://127.0.0.1:30100`)
  }
  return value.replace(/\/+$/, '')
}
