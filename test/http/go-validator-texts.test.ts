import { beforeEach, describe, expect, it } from 'vitest'
import type { Profile } from '../../src/registry/index.ts'
import { createService, del, expectError, post, put, type Reply, useCseMock } from './helpers.ts'

// The details Service Center 2.2.0 answered to these bodies (a differential run against it),
// word for word: its validator's rule texts, in the order it checks the fields.

const api = useCseMock()

const NAME = String.raw`^[a-zA-Z0-9]*$|^[a-zA-Z0-9][a-zA-Z0-9_\-.]*[a-zA-Z0-9]$`
const TAG = String.raw`^[a-zA-Z][a-zA-Z0-9_\-.]{0,63}$`

function expectDetail(reply: Reply, detail: string) {
  expectError(reply, '400001')
  expect((reply.body as { detail?: string }).detail).toBe(detail)
}

describe.each(['cse', 'servicecomb'] satisfies Profile[])('the %s profile', (profile) => {
  beforeEach(() => api.mock().setProfile(profile))

  it('create service without serviceName: MicroService.ServiceName', async () => {
    const reply = await post('/microservices', { service: { appId: 'shop', version: '1.0.0' } })
    expectDetail(
      reply,
      `field 'MicroService.ServiceName' invalid value '' does not match rule: {Min: 1, Max: 128, Regexp: ${NAME}}`,
    )
  })

  it('create service with a bad version: MicroService.Version', async () => {
    const reply = await post('/microservices', {
      service: { serviceName: 'cart', version: '1.0-SNAPSHOT' },
    })
    expectDetail(
      reply,
      "field 'MicroService.Version' invalid value '1.0-SNAPSHOT' does not match rule: {Max: 64, Regexp: the form x[.y[.z]] where x y and z are 0-32767 range}",
    )
  })

  it('checks the service fields in Service Center order, after the type of every value', async () => {
    const both = { serviceName: '', version: 'x', level: 'TOP' }
    expectDetail(
      await post('/microservices', { service: both }),
      `field 'MicroService.ServiceName' invalid value '' does not match rule: {Min: 1, Max: 128, Regexp: ${NAME}}`,
    )
    expectDetail(
      await post('/microservices', { service: { serviceName: 'cart', level: 'TOP' } }),
      "field 'MicroService.Level' invalid value 'TOP' does not match rule: {Regexp: ^(FRONT|MIDDLE|BACK)$}",
    )
    // Go's decoder refuses a number for a string before the validator sees the empty name.
    const typed = await post('/microservices', { service: { serviceName: '', version: 5 } })
    expectError(typed, '400001', /must be of type string/)
  })

  it('update tag without value: UpdateServiceTagRequest.Value', async () => {
    const serviceId = await createService()
    expectDetail(
      await put(`/microservices/${serviceId}/tags/a`),
      `field 'UpdateServiceTagRequest.Value' invalid value '' does not match rule: {Regexp: ${TAG}}`,
    )
  })

  it('add tags with a bad value: AddServiceTagsRequest.Tags', async () => {
    const serviceId = await createService()
    expectDetail(
      await post(`/microservices/${serviceId}/tags`, { tags: { a: '1' } }),
      `field 'AddServiceTagsRequest.Tags' invalid value '1' does not match rule: {Max: 100, Regexp: ${TAG}}`,
    )
    expectDetail(
      await post(`/microservices/${serviceId}/tags`, { tags: { '1a': 'x' } }),
      `field 'AddServiceTagsRequest.Tags' invalid value '1a' does not match rule: {Max: 100, Regexp: ${TAG}}`,
    )
  })

  it('put schema without text: ModifySchemaRequest.Schema', async () => {
    const serviceId = await createService({ schemas: ['hello'] })
    expectDetail(
      await put(`/microservices/${serviceId}/schemas/hello`, { summary: 'abc' }),
      "field 'ModifySchemaRequest.Schema' invalid value '' does not match rule: {Min: 1}",
    )
  })

  it('batch schemas: every validator failure is "Invalid request."', async () => {
    const serviceId = await createService()
    const path = `/microservices/${serviceId}/schemas`
    expectDetail(await post(path, { schemas: [] }), 'Invalid request.')
    expectDetail(await post(path, {}), 'Invalid request.')
    expectDetail(
      await post(path, { schemas: [{ schemaId: 'a', schema: 'x' }] }),
      'Invalid request.',
    )
    expectDetail(
      await post(path, { schemas: [{ schemaId: 'a', summary: 's', schema: '' }] }),
      'Invalid request.',
    )
  })

  it('register instance without hostName: MicroServiceInstance.HostName', async () => {
    const serviceId = await createService()
    expectDetail(
      await post(`/microservices/${serviceId}/instances`, {
        instance: { endpoints: ['rest://10.0.0.1:8080'] },
      }),
      String.raw`field 'MicroServiceInstance.HostName' invalid value '' does not match rule: {Min: 1, Max: 64, Regexp: \S+}`,
    )
    expectDetail(
      await post(`/microservices/${serviceId}/instances`, {}),
      "field 'RegisterInstanceRequest.Instance' invalid value '<nil>' does not match rule: {Min: 1}",
    )
    // Go's encoder escapes < and > in the bytes it sends.
    const raw = await post(`/microservices/${serviceId}/instances`, {})
    expect(raw.text).toContain(String.raw`invalid value '\u003cnil\u003e'`)
  })

  it('put dependencies with none: CreateDependenciesRequest.Dependencies', async () => {
    expectDetail(
      await put('/dependencies', { dependencies: [] }),
      "field 'CreateDependenciesRequest.Dependencies' invalid value '[]' does not match rule: {Min: 1, Max: 100}",
    )
    expectDetail(
      await put('/dependencies', { dependencies: [{ providers: [] }] }),
      "field 'ConsumerDependency.Consumer' invalid value '<nil>' does not match rule: {Min: 1}",
    )
  })

  it('delete services with no ids: DelServicesRequest.ServiceIds', async () => {
    expectDetail(
      await del('/microservices', { serviceIds: [] }),
      String.raw`field 'DelServicesRequest.ServiceIds' invalid value '[]' does not match rule: {Min: 1, Regexp: ^\S{1,64}$}`,
    )
    expectDetail(
      await del('/microservices', { serviceIds: ['a b'] }),
      String.raw`field 'DelServicesRequest.ServiceIds' invalid value 'a b' does not match rule: {Min: 1, Regexp: ^\S{1,64}$}`,
    )
  })
})
