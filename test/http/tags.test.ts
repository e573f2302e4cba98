import { expect, it } from 'vitest'
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
  send,
  useCseMock,
} from './helpers.ts'

const api = useCseMock()

const tagsOf = async (serviceId: string) =>
  expectJsonOk(await get<{ tags?: Record<string, string> }>(`/microservices/${serviceId}/tags`))

it('answers {} for a service without tags', async () => {
  const serviceId = await createService()
  expect(await tagsOf(serviceId)).toEqual({})
})

it('tags POST replaces the whole set', async () => {
  const serviceId = await createService()
  expectEmptyOk(await post(`/microservices/${serviceId}/tags`, { tags: { team: 'a', tier: 'b' } }))
  expect(await tagsOf(serviceId)).toEqual({ tags: { team: 'a', tier: 'b' } })
  expectEmptyOk(await post(`/microservices/${serviceId}/tags`, { tags: { zone: 'c' } }))
  expect(await tagsOf(serviceId)).toEqual({ tags: { zone: 'c' } })
})

it('tags POST with an empty map clears every tag', async () => {
  const serviceId = await createService()
  await post(`/microservices/${serviceId}/tags`, { tags: { team: 'a' } })
  expectEmptyOk(await post(`/microservices/${serviceId}/tags`, { tags: {} }))
  expect(await tagsOf(serviceId)).toEqual({})
})

it('tags POST answers 400001 when a key or value is not a TAG', async () => {
  const serviceId = await createService()
  for (const tags of [
    { '1team': 'a' },
    { team: '1' },
    { team: '' },
    { 'a b': 'c' },
    { team: 'x'.repeat(65) },
  ]) {
    expectError(await post(`/microservices/${serviceId}/tags`, { tags }), '400001')
  }
  expect(await tagsOf(serviceId)).toEqual({})
})

it('tags POST answers 400001 for more than 100 tags', async () => {
  const serviceId = await createService()
  const tags = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v']))
  expectError(await post(`/microservices/${serviceId}/tags`, { tags }), '400001')
  const hundred = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 'v']))
  expectEmptyOk(await post(`/microservices/${serviceId}/tags`, { tags: hundred }))
})

it('tags POST answers 400012 for an unknown service and 400001 for bad JSON', async () => {
  expectError(await post('/microservices/unknown/tags', { tags: { team: 'a' } }), '400012')
  const serviceId = await createService()
  expectError(await send('POST', `/microservices/${serviceId}/tags`, { body: '{' }), '400001')
})

it('tags GET answers 400012 for an unknown service and 400001 for a malformed id', async () => {
  expectError(await get('/microservices/unknown/tags'), '400012')
  expectError(await get('/microservices/a%20b/tags'), '400001')
})

it('tag PUT changes the value of an existing key', async () => {
  const serviceId = await createService()
  await post(`/microservices/${serviceId}/tags`, { tags: { team: 'a', tier: 'b' } })
  expectEmptyOk(await put(`/microservices/${serviceId}/tags/team?value=z`))
  expect(await tagsOf(serviceId)).toEqual({ tags: { team: 'z', tier: 'b' } })
})

it('tag PUT answers 400018 for a key that does not exist yet', async () => {
  const serviceId = await createService()
  expectError(await put(`/microservices/${serviceId}/tags/team?value=a`), '400018')
  expect(await tagsOf(serviceId)).toEqual({})
})

it('tag PUT answers 400001 for a missing or malformed value or key', async () => {
  const serviceId = await createService()
  await post(`/microservices/${serviceId}/tags`, { tags: { team: 'a' } })
  expectError(await put(`/microservices/${serviceId}/tags/team`), '400001')
  expectError(await put(`/microservices/${serviceId}/tags/team?value=1x`), '400001')
  expectError(await put(`/microservices/${serviceId}/tags/1team?value=a`), '400001')
  expect(await tagsOf(serviceId)).toEqual({ tags: { team: 'a' } })
})

it('tag PUT answers 400012 for an unknown service', async () => {
  expectError(await put('/microservices/unknown/tags/team?value=a'), '400012')
})

it('tags DELETE removes a comma-separated list of keys', async () => {
  const serviceId = await createService()
  await post(`/microservices/${serviceId}/tags`, { tags: { team: 'a', tier: 'b', zone: 'c' } })
  expectEmptyOk(await del(`/microservices/${serviceId}/tags/team,zone`))
  expect(await tagsOf(serviceId)).toEqual({ tags: { tier: 'b' } })
})

it('tags DELETE answers 400018 when one key is missing and deletes none', async () => {
  const serviceId = await createService()
  await post(`/microservices/${serviceId}/tags`, { tags: { team: 'a', tier: 'b' } })
  expectError(await del(`/microservices/${serviceId}/tags/team,nope`), '400018')
  expect(await tagsOf(serviceId)).toEqual({ tags: { team: 'a', tier: 'b' } })
})

it('tags DELETE answers 400001 for a malformed key and 400012 for an unknown service', async () => {
  const serviceId = await createService()
  await post(`/microservices/${serviceId}/tags`, { tags: { team: 'a' } })
  expectError(await del(`/microservices/${serviceId}/tags/team,1x`), '400001')
  expectError(await del(`/microservices/${serviceId}/tags/team,`), '400001')
  expectError(await del('/microservices/unknown/tags/team'), '400012')
  expect(await tagsOf(serviceId)).toEqual({ tags: { team: 'a' } })
})

itExercises(api, COVERAGE.tags)
