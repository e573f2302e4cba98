import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterEach, describe, expect, it } from 'vitest'
import { createCseMock, withControlHandlers } from '../src/index.ts'
import { setupCseMock } from '../src/node.ts'
import { SHARED_NETWORK_WARNING } from '../src/shared-network.ts'

const registry = 'http://cse.test/v4/default/registry'
const appHandler = http.get('http://app.test/hello', () => HttpResponse.json({ hello: 'world' }))
const closers: (() => void)[] = []
afterEach(() => {
  for (const close of closers.splice(0).reverse()) close()
})

/** Collects the process warnings emitted while `run` runs (they arrive on the next tick). */
async function warningsDuring(run: () => void | Promise<void>): Promise<Error[]> {
  const seen: Error[] = []
  const onWarning = (warning: Error) => seen.push(warning)
  process.on('warning', onWarning)
  try {
    await run()
    await new Promise((done) => setImmediate(done))
  } finally {
    process.off('warning', onWarning)
  }
  return seen
}

describe("cse-mock with the user's own msw", () => {
  it("answers both the app's routes and the registry from one server with cse-mock's handlers spread in", async () => {
    const mock = await createCseMock({ seed: 3 })
    const server = setupServer(appHandler, ...withControlHandlers(mock))
    server.listen({ onUnhandledFrame: 'error' })
    closers.push(() => server.close())

    expect(await (await fetch('http://app.test/hello')).json()).toEqual({ hello: 'world' })
    const services = await (await fetch(`${registry}/microservices`)).json()
    expect(services.services.length).toBe(mock.registry.stats().services)
    const control = await fetch('http://cse.test/__cse-mock/requests')
    expect(control.status).toBe(200)
  })

  it('warns when setupCseMock listens while another msw server already does', async () => {
    const mine = setupServer(appHandler)
    mine.listen()
    closers.push(() => mine.close())
    const cse = await setupCseMock()
    const warnings = await warningsDuring(() => cse.listen())
    closers.push(() => cse.close())

    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ name: 'CseMockWarning', code: SHARED_NETWORK_WARNING })
    expect(warnings[0]!.message).toMatch(/already listening.*cse\.server\.use/)
  })

  it('stays quiet when it is the only msw server', async () => {
    const cse = await setupCseMock()
    const warnings = await warningsDuring(() => cse.listen())
    closers.push(() => cse.close())
    expect(warnings).toEqual([])
    expect((await fetch(`${registry}/health`)).status).toBe(200)
  })
})
