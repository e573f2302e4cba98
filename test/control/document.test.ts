import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { serveMock } from '../faults/support.ts'
import { control, controlDocument, expectSpecResponse } from './control-spec.ts'

serveMock()

describe('the control API document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(controlDocument) as never)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('describes only endpoints the mock routes', async () => {
    for (const [path, operations] of Object.entries(controlDocument.paths)) {
      for (const method of Object.keys(operations)) {
        const url = path.replace('/__cse-mock', '').replace('{id}', 'no-such-fault')
        const response = await control(method.toUpperCase(), url)
        if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
          // A live stream never ends: its status says it is routed.
          expect(response.status, `${method.toUpperCase()} ${path}`).toBe(200)
          await response.body?.cancel()
          continue
        }
        const body = await response.text()
        expect(body, `${method.toUpperCase()} ${path}`).not.toMatch(
          /"(NOT_FOUND|METHOD_NOT_ALLOWED)"/,
        )
      }
    }
  })
})

describe('paths outside the control API', () => {
  it('answers 404 NOT_FOUND in the JSON error shape', async () => {
    const response = await control('GET', '/nothing-here')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: expect.stringContaining('/__cse-mock/nothing-here') },
    })
  })

  it('answers 405 with Allow for a known path and a wrong method', async () => {
    const response = await control('PATCH', '/faults')
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, POST, DELETE')
    const body = (await response.json()) as { error: { code: string } }
    expect(body.error.code).toBe('METHOD_NOT_ALLOWED')
  })

  it('never answers a control error in a shape the document does not allow', async () => {
    const response = await control('POST', '/faults', '{')
    await expectSpecResponse(response, 'POST', '/__cse-mock/faults')
  })
})
