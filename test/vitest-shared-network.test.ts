import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, expect, it } from 'vitest'
import { SHARED_NETWORK_WARNING } from '../src/shared-network.ts'
import { useCseMock } from '../src/vitest.ts'

const warnings: Error[] = []
const onWarning = (warning: Error) => warnings.push(warning)
process.on('warning', onWarning)
let userServer: ReturnType<typeof setupServer> | undefined

// Hooks run last-registered first: this one runs after useCseMock's afterEach has checked.
afterEach(async () => {
  await new Promise((done) => setImmediate(done))
  userServer?.close()
  userServer = undefined
})
afterAll(() => {
  process.off('warning', onWarning)
})

const cse = useCseMock()

it('answers while it is the only msw server', async () => {
  expect((await fetch(`${cse.baseUrl}/v4/default/registry/health`)).status).toBe(200)
})

it("warns after a test whose own setupServer took the network from useCseMock's", async () => {
  expect(warnings).toEqual([])
  userServer = setupServer(http.get('http://app.test/hello', () => HttpResponse.text('hi')))
  userServer.listen()
  expect(await (await fetch('http://app.test/hello')).text()).toBe('hi')
})

it('reported the shared network once, naming the fix', () => {
  const shared = warnings.filter(
    (warning) => 'code' in warning && warning.code === SHARED_NETWORK_WARNING,
  )
  expect(shared).toHaveLength(1)
  expect(shared[0]!.message).toMatch(/started listening after useCseMock.*one server/)
})
