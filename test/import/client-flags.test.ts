import { describe, expect, it } from 'vitest'
import { LIVE_CLIENT_FLAGS, readLiveClientFlags } from '../../src/cli/client-flags.ts'
import { parseFlags } from '../../src/cli/flags.ts'

const defaults = { rate: 20, timeoutMs: 30_000 }
const read = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  readLiveClientFlags(parseFlags(LIVE_CLIENT_FLAGS, args), env, defaults)

describe('the live client flags', () => {
  it('bound a live registry to 20 requests a second and 30 s unless told otherwise', () => {
    expect(read(['--endpoint', 'http://127.0.0.1:30100'])).toEqual({
      baseUrl: 'http://127.0.0.1:30100',
      maxRequestsPerSecond: 20,
      timeoutMs: 30_000,
    })
    expect(read(['--endpoint', 'http://x:1', '--rate', '5', '--timeout', '100'])).toMatchObject({
      maxRequestsPerSecond: 5,
      timeoutMs: 100,
    })
    expect(read(['--endpoint', 'http://x:1', '--rate', '0'])).not.toHaveProperty(
      'maxRequestsPerSecond',
    )
  })

  it('carry tenant, credentials and TLS settings into the client options', () => {
    const args = ['--endpoint', 'https://cse.example.com', '--project', 'p1', '--domain', 'shop']
    expect(read([...args, '--user', 'u', '--password', 'pw', '--ca-file', 'ca.pem'])).toMatchObject(
      {
        baseUrl: 'https://cse.example.com',
        project: 'p1',
        domain: 'shop',
        user: 'u',
        password: 'pw',
        caFile: 'ca.pem',
      },
    )
    expect(read(['--endpoint', 'https://x', '--token', 't', '--insecure'])).toMatchObject({
      token: 't',
      insecure: true,
    })
  })

  it('take the CSE_* variables when --endpoint is not given, and flags over them', () => {
    const env = { CSE_ENDPOINT: 'http://127.0.0.1:30100', CSE_DOMAIN: 'shop', CSE_TOKEN: 'abc' }
    expect(read([], env)).toMatchObject({ baseUrl: env.CSE_ENDPOINT, domain: 'shop', token: 'abc' })
    expect(read(['--domain', 'other'], env)).toMatchObject({ domain: 'other' })
    expect(read(['--endpoint', 'http://y:2'], env)).not.toHaveProperty('token')
  })

  it('refuse contradictory settings', () => {
    expect(() => read(['--endpoint', 'http://x:1', '--ca-file', 'a', '--insecure'])).toThrow(
      '--ca-file and --insecure exclude each other',
    )
    expect(() => read(['--endpoint', 'http://x:1', '--timeout', '0'])).toThrow(
      "--timeout must be an integer from 1 to 3600000; got '0'",
    )
  })
})
