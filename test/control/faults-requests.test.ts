import { describe, expect, it } from 'vitest'
import type { ActiveFault, RequestLogEntry } from '../../src/faults/types.ts'
import { getVersion, serveMock } from '../faults/support.ts'
import { control, expectControlError, expectSpecResponse } from './control-spec.ts'

const { mock } = serveMock()
const FAULTS = '/__cse-mock/faults'
const REQUESTS = '/__cse-mock/requests'

describe('/__cse-mock/faults', () => {
  it('POST adds a fault that applies to registry calls, and answers it with its id', async () => {
    const response = await control('POST', '/faults', {
      match: { operationId: 'getVersion' },
      action: { type: 'error', errorCode: 500011 },
      times: 1,
    })
    expect(response.status).toBe(201)
    const fault = (await expectSpecResponse(response, 'POST', FAULTS)) as ActiveFault
    expect(fault).toMatchObject({
      action: { type: 'error', errorCode: '500011' },
      hits: 0,
      remaining: 1,
    })
    expect(
      mock()
        .faults.list()
        .map((f) => f.id),
    ).toEqual([fault.id])
    expect((await getVersion()).status).toBe(500)
    expect((await getVersion()).status).toBe(200)
  })

  it('POST answers 400 with the reason for an invalid rule, and adds nothing', async () => {
    const cases: [unknown, string][] = [
      [{ action: { type: 'status', status: 200 } }, 'INVALID_FAULT_RULE'],
      [{ match: { operationId: 'nope' }, action: { type: 'network' } }, 'INVALID_FAULT_RULE'],
      [{ action: { type: 'latency', ms: 'slow' } }, 'INVALID_FAULT_RULE'],
      [[], 'INVALID_FAULT_RULE'],
      ['{"action":', 'INVALID_JSON'],
    ]
    for (const [body, code] of cases) {
      const response = await control('POST', '/faults', body)
      expect(response.status).toBe(400)
      await expectControlError(response, 'POST', FAULTS, code)
    }
    const withReason = await control('POST', '/faults', { action: { type: 'status', status: 200 } })
    const { error } = (await withReason.json()) as { error: { message: string } }
    expect(error.message).toMatch(
      /^Failed to add the fault: action.status is 200: must be 429 or must be at least 500/,
    )
    expect(mock().faults.list()).toEqual([])
  })

  it('GET lists the active faults in order, with their hits', async () => {
    mock().faults.add({ id: 'first', action: { type: 'latency', ms: 1 } })
    mock().faults.add({ id: 'second', action: { type: 'status', status: 503 }, probability: 0 })
    await getVersion()
    const body = (await expectSpecResponse(await control('GET', '/faults'), 'GET', FAULTS)) as {
      faults: ActiveFault[]
    }
    expect(body.faults).toMatchObject([
      { id: 'first', hits: 1 },
      { id: 'second', hits: 0 },
    ])
  })

  it('DELETE /faults/{id} removes one fault, and answers 404 for an unknown id', async () => {
    mock().faults.add({ id: 'down', action: { type: 'status', status: 503 } })
    mock().faults.add({ id: 'slow', action: { type: 'latency', ms: 1 } })
    const removed = await control('DELETE', '/faults/down')
    await expectSpecResponse(removed, 'DELETE', `${FAULTS}/{id}`)
    expect(removed.status).toBe(204)
    expect(
      mock()
        .faults.list()
        .map((f) => f.id),
    ).toEqual(['slow'])
    expect((await getVersion()).status).toBe(200)
    const missing = await control('DELETE', '/faults/down')
    expect(missing.status).toBe(404)
    await expectControlError(missing, 'DELETE', `${FAULTS}/{id}`, 'FAULT_NOT_FOUND')
  })

  it('DELETE removes every fault', async () => {
    mock().faults.add({ action: { type: 'status', status: 503 } })
    mock().faults.add({ action: { type: 'network' } })
    const response = await control('DELETE', '/faults')
    await expectSpecResponse(response, 'DELETE', FAULTS)
    expect(response.status).toBe(204)
    expect(mock().faults.list()).toEqual([])
    expect((await getVersion()).status).toBe(200)
  })
})

describe('/__cse-mock/requests', () => {
  it('GET lists the logged registry calls, and not the control calls', async () => {
    await getVersion()
    await control('GET', '/faults')
    await getVersion()
    const body = (await expectSpecResponse(await control('GET', '/requests'), 'GET', REQUESTS)) as {
      requests: RequestLogEntry[]
    }
    expect(body.requests.map((entry) => entry.operationId)).toEqual(['getVersion', 'getVersion'])
    expect(body.requests[0]).toMatchObject({
      method: 'GET',
      status: 200,
      url: '/v4/default/registry/version',
    })
  })

  it('GET filters by operationId, method and status from the query', async () => {
    mock().faults.add({
      match: { operationId: 'getHealth' },
      action: { type: 'status', status: 503 },
    })
    await getVersion()
    await fetch('http://127.0.0.1:30100/v4/default/registry/health')
    const list = async (query: string) => {
      const response = await control('GET', `/requests?${query}`)
      const body = (await expectSpecResponse(response, 'GET', REQUESTS)) as {
        requests: RequestLogEntry[]
      }
      return body.requests.map((entry) => entry.operationId)
    }
    expect(await list('status=503')).toEqual(['getHealth'])
    expect(await list('operationId=getVersion')).toEqual(['getVersion'])
    expect(await list('method=get&status=200')).toEqual(['getVersion'])
    expect(await list('method=POST')).toEqual([])
  })

  it('GET answers 400 for an unknown filter or a status that is not a number', async () => {
    await expectControlError(
      await control('GET', '/requests?limit=3'),
      'GET',
      REQUESTS,
      'INVALID_QUERY',
    )
    await expectControlError(
      await control('GET', '/requests?status=ok'),
      'GET',
      REQUESTS,
      'INVALID_QUERY',
    )
  })

  it('DELETE empties the log', async () => {
    await getVersion()
    const response = await control('DELETE', '/requests')
    await expectSpecResponse(response, 'DELETE', REQUESTS)
    expect(response.status).toBe(204)
    expect(mock().requests.list()).toEqual([])
  })
})
