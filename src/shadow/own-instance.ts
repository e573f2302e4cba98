import type { CseMock } from '../mock.ts'
import { OWN_SERVICE_ID } from '../registry/own-service.ts'
import type { IdPairs } from './id-pairs.ts'
import { sendForward } from './raw-exchange.ts'

interface OwnInstance {
  instanceId?: string
  hostName?: string
  endpoints?: string[]
}

const PATH = `/v4/default/registry/microservices/${OWN_SERVICE_ID}/instances`

async function ownInstance(baseUrl: string, timeoutMs: number): Promise<OwnInstance | undefined> {
  const answer = await sendForward(
    baseUrl,
    { method: 'GET', path: PATH, headers: [], body: Buffer.alloc(0) },
    { timeoutMs },
  )
  if (answer.status !== 200) return undefined
  try {
    const { instances } = JSON.parse(answer.body.toString('utf8')) as { instances?: OwnInstance[] }
    return instances?.length === 1 ? instances[0] : undefined
  } catch {
    return undefined
  }
}

/**
 * Makes Service Center's own instance alike on both sides, with one GET to each: the mock's
 * takes the live one's endpoint and host name, and the two instanceIds are paired. Nothing
 * happens when the live registry has no single such instance (another registry, or RBAC).
 * @example
 * await matchOwnInstance('http://127.0.0.1:30100', server.url, mock, pairs, 5000)
 */
export async function matchOwnInstance(
  live: string,
  mockUrl: string,
  mock: CseMock,
  pairs: IdPairs,
  timeoutMs: number,
): Promise<void> {
  const theirs = await ownInstance(live, timeoutMs)
  if (!theirs) return
  const endpoint = theirs.endpoints?.[0]
  if (endpoint) mock.registry.setOwnEndpoint(endpoint, theirs.hostName)
  const ours = await ownInstance(mockUrl, timeoutMs)
  if (theirs.instanceId && ours?.instanceId)
    pairs.pair('instance', theirs.instanceId, ours.instanceId)
}
