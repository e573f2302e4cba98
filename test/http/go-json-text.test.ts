import { expect, it } from 'vitest'
import { goJsonText } from '../../src/http/go-json.ts'
import { createService, expectJsonOk, get, useCseMock } from './helpers.ts'

useCseMock()

it('escapes <, >, &, U+2028 and U+2029 as Go does, and nothing else', () => {
  expect(goJsonText({ d: 'a<b>&c\u2028\u2029é' })).toBe(
    String.raw`{"d":"a\u003cb\u003e\u0026c\u2028\u2029é"}`,
  )
  expect(goJsonText({ d: 'plain' })).toBe('{"d":"plain"}')
  expect(JSON.parse(goJsonText({ d: '<&>' }))).toEqual({ d: '<&>' })
})

it('answers a read with the bytes Service Center sends for <, > and &', async () => {
  const serviceId = await createService({ description: 'a<b>&c' })
  const reply = await get<{ service: { description: string } }>(`/microservices/${serviceId}`)
  expect(expectJsonOk(reply).service.description).toBe('a<b>&c')
  expect(reply.text).toContain(String.raw`"description":"a\u003cb\u003e\u0026c"`)
})
