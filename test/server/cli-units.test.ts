import { describe, expect, it } from 'vitest'
import { parseFlags } from '../../src/cli/flags.ts'
import { formatRequestLine } from '../../src/cli/log-format.ts'
import { seedOptionsFromFlags } from '../../src/cli/seed-flags.ts'
import { CliUsageError } from '../../src/cli/usage-error.ts'
import { createSeedSnapshot, describeSnapshot } from '../../src/seed/index.ts'

const FLAGS = [
  { name: 'port', type: 'string', value: 'PORT', description: 'port' },
  { name: 'quiet', type: 'boolean', description: 'quiet' },
] as const

describe('flag parsing', () => {
  it.each([
    [['--nope'], 'unknown flag --nope; accepted flags are --port, --quiet'],
    [['--port'], '--port needs a value (--port PORT)'],
    [['--port', '--quiet'], '--port needs a value (--port PORT)'],
    [['--quiet=yes'], '--quiet is a switch and takes no value'],
    [['stray'], "unexpected argument 'stray'; this command takes only flags"],
  ])('explains %j', (argv, message) => {
    expect(() => parseFlags(FLAGS, argv)).toThrow(new CliUsageError(message))
  })

  it('reads values and switches', () => {
    expect(parseFlags(FLAGS, ['--port', '0', '--quiet'])).toEqual({ port: '0', quiet: true })
  })
})

describe('--seed, --services and --instances', () => {
  it.each([
    [12, 24],
    [7, 20],
    [50, 50],
    [1, 0],
  ])(
    '%i services and %i instances seed exactly that many services and at least that many instances',
    (services, instances) => {
      const options = seedOptionsFromFlags({ seed: 3, services, instances })!
      const counts = describeSnapshot(createSeedSnapshot(options))
      expect(counts.services).toBe(services)
      expect(counts.instances).toBe(services * Math.ceil(instances / services))
    },
  )

  it('seeds the default layout for --seed alone and nothing when no flag is given', () => {
    expect(seedOptionsFromFlags({ seed: 9 })).toEqual({ seed: 9 })
    expect(seedOptionsFromFlags({})).toBeUndefined()
  })

  it('refuses instances without services', () => {
    expect(() => seedOptionsFromFlags({ services: 0, instances: 3 })).toThrow(CliUsageError)
  })
})

describe('request log lines', () => {
  const entry = {
    seq: 1,
    time: '2026-11-23T14:00:00.000Z',
    method: 'GET',
    url: '/v4/default/registry/instances?appId=a&serviceName=b',
    status: 200,
    durationMs: 0.4321,
    operationId: 'findInstances',
  }

  it('writes text as time, method, URL, status, duration and operation', () => {
    expect(formatRequestLine(entry, 'text')).toBe(
      '2026-11-23T14:00:00.000Z GET /v4/default/registry/instances?appId=a&serviceName=b 200 0.4ms findInstances',
    )
    const dropped = { seq: 2, time: entry.time, method: 'GET', url: '/x', status: 0, durationMs: 2 }
    expect(formatRequestLine(dropped, 'text')).toBe(`${entry.time} GET /x dropped 2.0ms`)
  })

  it('writes one JSON object per line', () => {
    expect(JSON.parse(formatRequestLine(entry, 'json'))).toEqual({
      time: entry.time,
      method: 'GET',
      url: entry.url,
      status: 200,
      durationMs: 0.4,
      operationId: 'findInstances',
    })
  })
})
