import { describe, expect, it } from 'vitest'
import { COVERAGE } from './coverage.ts'
import {
  createService,
  del,
  expectEmptyOk,
  expectError,
  expectJsonOk,
  get,
  itExercises,
  post,
  put,
  readService,
  type Schemas,
  send,
  useCseMock,
} from './helpers.ts'

const api = useCseMock()

type Schema = Schemas['Schema']

const path = (serviceId: string, schemaId = '') =>
  `/microservices/${serviceId}/schemas${schemaId ? `/${schemaId}` : ''}`

const listOf = async (serviceId: string, withSchema?: '0' | '1') =>
  expectJsonOk(
    await get<{ schemas?: Schema[] }>(
      `${path(serviceId)}${withSchema ? `?withSchema=${withSchema}` : ''}`,
    ),
  )

describe('one schema', () => {
  it('stores a schema, declares its id on the service and reads it back with X-Schema-Summary', async () => {
    const serviceId = await createService()
    expectEmptyOk(
      await put(path(serviceId, 'hello'), { schema: 'openapi: 3.0.0', summary: 'abc1' }),
    )
    const reply = await get<{ schema: string }>(path(serviceId, 'hello'))
    expect(expectJsonOk(reply)).toEqual({ schema: 'openapi: 3.0.0' })
    expect(reply.headers.get('X-Schema-Summary')).toBe('abc1')
    expect((await readService(serviceId)).schemas).toEqual(['hello'])
  })

  it('sends an empty X-Schema-Summary for a schema stored without summary', async () => {
    const serviceId = await createService()
    await put(path(serviceId, 'hello'), { schema: 'x' })
    const reply = await get(path(serviceId, 'hello'))
    expect(reply.status).toBe(200)
    expect(reply.headers.get('X-Schema-Summary')).toBe('')
  })

  it('overwrites a schema outside production in the cse profile', async () => {
    const serviceId = await createService()
    await put(path(serviceId, 'hello'), { schema: 'v1', summary: 's1' })
    expectEmptyOk(await put(path(serviceId, 'hello'), { schema: 'v2', summary: 's2' }))
    expect(expectJsonOk(await get(path(serviceId, 'hello')))).toEqual({ schema: 'v2' })
  })

  it('a PUT without summary erases the stored summary outside production', async () => {
    const serviceId = await createService()
    await put(path(serviceId, 'hello'), { schema: 'v1', summary: 's1' })
    expectEmptyOk(await put(path(serviceId, 'hello'), { schema: 'v2' }))
    const reply = await get(path(serviceId, 'hello'))
    expect(expectJsonOk(reply)).toEqual({ schema: 'v2' })
    expect(reply.headers.get('X-Schema-Summary')).toBe('')
    expect(await listOf(serviceId)).toEqual({ schemas: [{ schemaId: 'hello' }] })
  })

  it('answers 400016 for a schema that does not exist, 400012 for an unknown service', async () => {
    const serviceId = await createService()
    expectError(await get(path(serviceId, 'hello')), '400016')
    expectError(await get(path('unknown', 'hello')), '400012')
  })

  it('answers 400016 for a declared id that has no content yet', async () => {
    const serviceId = await createService({ schemas: ['hello'] })
    expectError(await get(path(serviceId, 'hello')), '400016')
  })

  it('answers 400001 for a malformed schemaId', async () => {
    const serviceId = await createService()
    for (const schemaId of ['-hello', 'hello-', 'a%20b', 'x'.repeat(161)]) {
      expectError(await get(path(serviceId, schemaId)), '400001')
      expectError(await put(path(serviceId, schemaId), { schema: 'x' }), '400001')
      expectError(await del(path(serviceId, schemaId)), '400001')
    }
  })

  it('PUT answers 400001 without schema text, with a bad summary or with bad JSON', async () => {
    const serviceId = await createService()
    expectError(await put(path(serviceId, 'hello'), { summary: 'abc' }), '400001')
    expectError(await put(path(serviceId, 'hello'), { schema: '' }), '400001')
    expectError(await put(path(serviceId, 'hello'), { schema: 'x', summary: 'a-b' }), '400001')
    expectError(
      await put(path(serviceId, 'hello'), { schema: 'x', summary: 'a'.repeat(129) }),
      '400001',
    )
    expectError(await send('PUT', path(serviceId, 'hello'), { body: '{"schema"' }), '400001')
    expectError(await put(path('unknown', 'hello'), { schema: 'x' }), '400012')
  })

  it('PUT answers 400100 past the quota of 100 schemas per service', async () => {
    const declared = Array.from({ length: 100 }, (_, i) => `s${i}`)
    const serviceId = await createService({ schemas: declared })
    expectEmptyOk(await put(path(serviceId, 's0'), { schema: 'x' }))
    expectError(await put(path(serviceId, 'extra'), { schema: 'x' }), '400100')
    expect((await readService(serviceId)).schemas).toHaveLength(100)
  })

  it('DELETE removes content and summary but keeps the id declared and listed, as SC 2.2', async () => {
    const serviceId = await createService()
    await put(path(serviceId, 'hello'), { schema: 'x', summary: 'a' })
    await put(path(serviceId, 'world'), { schema: 'y', summary: 'b' })
    expectEmptyOk(await del(path(serviceId, 'hello')))
    expectError(await get(path(serviceId, 'hello')), '400016', 'schema ref not found.')
    expect((await readService(serviceId)).schemas).toEqual(['hello', 'world'])
    expect(await listOf(serviceId)).toEqual({
      schemas: [{ schemaId: 'hello' }, { schemaId: 'world', summary: 'b' }],
    })
    expectError(await del(path(serviceId, 'hello')), '400016', 'schema ref not found.')
  })

  it('DELETE answers 400016 for a missing schema and 400012 for an unknown service', async () => {
    const serviceId = await createService()
    expectError(await del(path(serviceId, 'hello')), '400016')
    expectError(await del(path('unknown', 'hello')), '400012')
  })
})

describe('all schemas', () => {
  it('lists ids and summaries, and the text only with withSchema=1', async () => {
    const serviceId = await createService()
    await put(path(serviceId, 'hello'), { schema: 'x', summary: 'a1' })
    expect(await listOf(serviceId)).toEqual({ schemas: [{ schemaId: 'hello', summary: 'a1' }] })
    expect(await listOf(serviceId, '0')).toEqual({
      schemas: [{ schemaId: 'hello', summary: 'a1' }],
    })
    expect(await listOf(serviceId, '1')).toEqual({
      schemas: [{ schemaId: 'hello', summary: 'a1', schema: 'x' }],
    })
  })

  it('lists declared ids without content by their id only', async () => {
    const serviceId = await createService({ schemas: ['hello'] })
    expect(await listOf(serviceId, '1')).toEqual({ schemas: [{ schemaId: 'hello' }] })
  })

  it('answers {} for a service without schemas', async () => {
    expect(await listOf(await createService())).toEqual({})
  })

  it('answers 400001 for withSchema other than 0 or 1, 400012 for an unknown service', async () => {
    const serviceId = await createService()
    expectError(await get(`${path(serviceId)}?withSchema=true`), '400001')
    expectError(await get(path('unknown')), '400012')
  })

  it('POST replaces the whole schema set: ids not listed are removed', async () => {
    const serviceId = await createService()
    await put(path(serviceId, 'old'), { schema: 'o', summary: 'o1' })
    const schemas = [
      { schemaId: 'hello', schema: 'x', summary: 'a1' },
      { schemaId: 'world', schema: 'y', summary: 'b1' },
    ]
    expectEmptyOk(await post(path(serviceId), { schemas }))
    expect(await listOf(serviceId, '1')).toEqual({ schemas })
    expect((await readService(serviceId)).schemas).toEqual(['hello', 'world'])
    expectError(await get(path(serviceId, 'old')), '400016')
  })

  it('POST answers 400001 for an empty list, a missing summary or text, or a duplicate id', async () => {
    const serviceId = await createService()
    const item = { schemaId: 'hello', schema: 'x', summary: 'a1' }
    expectError(await post(path(serviceId), { schemas: [] }), '400001')
    expectError(await post(path(serviceId), {}), '400001')
    expectError(await post(path(serviceId), { schemas: [{ ...item, summary: '' }] }), '400001')
    expectError(
      await post(path(serviceId), { schemas: [{ schemaId: 'hello', summary: 'a1' }] }),
      '400001',
    )
    expectError(await post(path(serviceId), { schemas: [item, item] }), '400001')
    expect(await listOf(serviceId)).toEqual({})
  })

  it('POST answers 400001 for more than 100 schemas and 400012 for an unknown service', async () => {
    const serviceId = await createService()
    const schemas = Array.from({ length: 101 }, (_, i) => ({
      schemaId: `s${i}`,
      schema: 'x',
      summary: 'a',
    }))
    expectError(await post(path(serviceId), { schemas }), '400001')
    expectError(await post(path('unknown'), { schemas: schemas.slice(0, 1) }), '400012')
  })
})

describe('schema edits of production services in the cse profile', () => {
  const production = () => createService({ environment: 'production', schemas: ['hello'] })

  it('PUT answers 400014 for an id the service does not declare', async () => {
    const serviceId = await production()
    expectError(await put(path(serviceId, 'other'), { schema: 'x', summary: 'a' }), '400014')
  })

  it('PUT answers 400015 when overwriting a schema that has a summary', async () => {
    const serviceId = await production()
    expectEmptyOk(await put(path(serviceId, 'hello'), { schema: 'v1', summary: 'a' }))
    expectError(await put(path(serviceId, 'hello'), { schema: 'v2', summary: 'b' }), '400015')
    expect(expectJsonOk(await get(path(serviceId, 'hello')))).toEqual({ schema: 'v1' })
  })

  it('PUT answers 400015 when overwriting an existing schema without a summary', async () => {
    const serviceId = await production()
    expectEmptyOk(await put(path(serviceId, 'hello'), { schema: 'v1' }))
    expectError(await put(path(serviceId, 'hello'), { schema: 'v2' }), '400015')
  })

  it('POST answers 400014 for undeclared ids', async () => {
    const serviceId = await production()
    const reply = await post(path(serviceId), {
      schemas: [{ schemaId: 'other', schema: 'x', summary: 'a' }],
    })
    expectError(reply, '400014')
  })

  it('POST silently keeps existing schemas that already have a summary', async () => {
    const serviceId = await production()
    await put(path(serviceId, 'hello'), { schema: 'v1', summary: 'a' })
    expectEmptyOk(
      await post(path(serviceId), { schemas: [{ schemaId: 'hello', schema: 'v2', summary: 'b' }] }),
    )
    expect(expectJsonOk(await get(path(serviceId, 'hello')))).toEqual({ schema: 'v1' })
  })

  it('lets the servicecomb profile edit production schemas freely', async () => {
    api.mock().setProfile('servicecomb')
    const serviceId = await production()
    expectEmptyOk(await put(path(serviceId, 'other'), { schema: 'x', summary: 'a' }))
    expectEmptyOk(await put(path(serviceId, 'other'), { schema: 'y', summary: 'b' }))
    expect(expectJsonOk(await get(path(serviceId, 'other')))).toEqual({ schema: 'y' })
  })
})

itExercises(api, COVERAGE.schemas)
