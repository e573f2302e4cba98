import { describe, expect, it } from 'vitest'
import { createService, getVersion, REGISTRY, serveMock } from './support.ts'

const { mock } = serveMock()

describe('terminal faults', () => {
  it('answers a registry error code with the envelope and status code / 1000', async () => {
    mock().faults.add({
      match: { operationId: 'getVersion' },
      action: { type: 'error', errorCode: '500011', detail: 'etcd is unreachable' },
    })
    const response = await getVersion()
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await response.json()).toEqual({
      errorCode: '500011',
      errorMessage: 'Registry service is unavailable',
      detail: 'etcd is unreachable',
    })
  })

  it('answers a 400 code as a 400, the way "not found" errors look', async () => {
    const serviceId = await createService('orders')
    mock().faults.add({
      match: { operationId: 'getService' },
      action: { type: 'error', errorCode: '400012' },
    })
    const response = await fetch(`${REGISTRY}/microservices/${serviceId}`)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      errorCode: '400012',
      errorMessage: 'Micro-service does not exist',
    })
  })

  it('gives codes outside the catalogue a generic message', async () => {
    mock().faults.add({ action: { type: 'error', errorCode: '503999' } })
    const response = await getVersion()
    expect(response.status).toBe(503)
    const body = (await response.json()) as Record<string, unknown>
    expect(body.errorCode).toBe('503999')
    expect(body.errorMessage).toEqual(expect.any(String))
  })

  it('answers a plain 503 as text', async () => {
    mock().faults.add({ action: { type: 'status', status: 503 } })
    const response = await getVersion()
    expect(response.status).toBe(503)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await response.text()).toBe('Service Unavailable')
    expect(response.headers.get('retry-after')).toBeNull()
  })

  it('answers 429 with Retry-After: 1 and the given body', async () => {
    mock().faults.add({ action: { type: 'status', status: 429, body: 'slow down' } })
    const response = await getVersion()
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('1')
    expect(await response.text()).toBe('slow down')
  })

  it('makes fetch reject for a network fault, and logs status 0', async () => {
    const fault = mock().faults.add({ action: { type: 'network' } })
    await expect(getVersion()).rejects.toThrow(TypeError)
    expect(mock().requests.list()).toMatchObject([
      { operationId: 'getVersion', status: 0, faults: [fault.id] },
    ])
  })

  it('lets the first matching terminal rule answer and leaves later ones untouched', async () => {
    const first = mock().faults.add({ action: { type: 'status', status: 502 } })
    const second = mock().faults.add({ action: { type: 'status', status: 504 }, times: 1 })
    expect((await getVersion()).status).toBe(502)
    const [listedFirst, listedSecond] = mock().faults.list()
    expect(listedFirst).toMatchObject({ id: first.id, hits: 1 })
    expect(listedSecond).toMatchObject({ id: second.id, hits: 0, remaining: 1 })
  })
})
