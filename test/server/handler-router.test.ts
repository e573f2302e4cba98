import { HttpHandler } from 'msw'
import { describe, expect, it } from 'vitest'
import { OPERATIONS } from '../../src/http/operations.ts'
import { createCseMock } from '../../src/mock.ts'
import { createHandlerRouter } from '../../src/server/handler-router.ts'

const mock = await createCseMock()

describe('the handler router', () => {
  it.each(OPERATIONS.map((operation) => [operation.operationId, operation] as const))(
    'sends %s to its own handler alone',
    (_id, operation) => {
      const router = createHandlerRouter(mock, '*')
      const pathname = operation.path.replace(/:[A-Za-z]+/g, 'x1')
      const routed = router.route(operation.method.toUpperCase(), pathname)
      expect(routed).toHaveLength(1)
      const handler = routed[0] as HttpHandler
      expect(handler).toBeInstanceOf(HttpHandler)
      expect(handler.info.method).toBe(operation.method.toUpperCase())
      expect(handler.info.path).toBe(`*${operation.path}`)
    },
  )

  it('sends control calls to the control handlers and unknown paths to every registry handler', () => {
    const router = createHandlerRouter(mock, '*')
    const control = router.route('POST', '/__cse-mock/reset')
    expect(control.length).toBeGreaterThan(1)
    for (const handler of control) {
      expect(String((handler as HttpHandler).info.path)).toContain('/__cse-mock')
    }
    expect(router.route('PATCH', '/v4/default/registry/version')).toBe(mock.handlers)
    expect(router.all.length).toBe(control.length + mock.handlers.length)
  })

  it('matches handlers built for an explicit origin', async () => {
    const local = await createCseMock({ baseUrl: 'http://127.0.0.1:30100' })
    const router = createHandlerRouter(local, 'http://127.0.0.1:30100')
    expect(router.route('GET', '/v4/default/registry/version')).toHaveLength(1)
  })
})
