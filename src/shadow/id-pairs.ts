import { createIdMap, type IdMap } from '../compare/id-map.ts'
import type { RawAnswer, RawForward } from './raw-exchange.ts'

/** Top-level answer fields whose values are ids the registry chose. */
const ID_FIELDS = { serviceId: 'service', instanceId: 'instance' } as const

/**
 * The ids one mock gave to what the live registry also holds, learned from the answers to the
 * same requests (live on the left, mock on the right), and the means to rewrite a client's
 * request in the mock's ids.
 */
export interface IdPairs {
  readonly ids: IdMap
  /** Rewrites live ids in a text (path, header value, body) to the mock's. */
  toMock(text: string): string
  /** Learns the pairs two answers to one request show: created ids, revisions. */
  learn(request: RawForward, live: RawAnswer, mock: RawAnswer): void
  /** Records a pair found another way (e.g. Service Center's own instance at start). */
  pair(kind: string, live: string, mock: string): void
}

/**
 * Creates an empty set of id pairs for one mock side.
 * @example
 * const pairs = createIdPairs()
 * pairs.pair('instance', 'abc', 'def')
 * pairs.toMock('/instances/abc') // '/instances/def'
 */
export function createIdPairs(): IdPairs {
  const ids = createIdMap()
  const liveToMock = new Map<string, string>()
  const counters = new Map<string, number>()
  const revisionNames = new Map<string, string>()
  const liveOfName = new Map<string, string>()
  let ordered: [string, string][] = []
  const pair = (kind: string, live: string, mock: string, given?: string) => {
    if (live === mock || live.length < 4) return
    const count = (counters.get(kind) ?? 0) + 1
    counters.set(kind, count)
    const name = given ?? `${kind}-${count}`
    const before = liveOfName.get(name)
    if (before !== undefined) liveToMock.delete(before)
    liveOfName.set(name, live)
    ids.learn(name, live, mock)
    liveToMock.set(live, mock)
    ordered = [...liveToMock].sort(([a], [b]) => b.length - a.length)
  }
  return {
    ids,
    pair: (kind, live, mock) => pair(kind, live, mock),
    toMock(text) {
      let out = text
      for (const [live, mock] of ordered) if (out.includes(live)) out = out.split(live).join(mock)
      return out
    },
    learn(request, live, mock) {
      if (live.status >= 300 || mock.status >= 300) return
      const a = parseObject(live.body)
      const b = parseObject(mock.body)
      for (const [field, kind] of Object.entries(ID_FIELDS)) {
        const x = a?.[field]
        const y = b?.[field]
        if (typeof x === 'string' && typeof y === 'string' && !liveToMock.has(x)) pair(kind, x, y)
      }
      const x = header(live, 'x-resource-revision')
      const y = header(mock, 'x-resource-revision')
      if (x && y) {
        // One pair per resource: its revision moves on, the older pair is of no further use.
        const key = request.path.replace(/([?&])rev=[^&]*/, '$1')
        const name = revisionNames.get(key) ?? `rev-${revisionNames.size + 1}`
        revisionNames.set(key, name)
        pair('rev', x, y, name)
      }
    },
  }
}

function header(answer: RawAnswer, lower: string): string | undefined {
  return answer.headers.find(([name]) => name.toLowerCase() === lower)?.[1]
}

function parseObject(body: Buffer): Record<string, unknown> | undefined {
  if (body.length === 0 || body[0] !== 0x7b) return undefined
  try {
    return JSON.parse(body.toString('utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
}
