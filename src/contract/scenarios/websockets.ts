import { createSpecValidator } from '../../spec/validators.ts'
import { show } from '../framework/results.ts'
import { defineScenario } from '../framework/scenario.ts'

/** How long a live registry gets to push a frame or close a socket. */
const WAIT_MS = 5_000

/**
 * The websocket operations: watching a consumer's providers and heartbeats over a socket.
 * @example
 * createContractRun({ target, scenarios: [websockets] })
 */
export const websockets = defineScenario({
  name: 'websockets',
  operations: [
    'createService',
    'findInstances',
    'listProviders',
    'watch',
    'registerInstance',
    'heartbeatWebSocket',
  ],
  async run(t) {
    if (!t.openSocket) {
      const reason = 'this target serves no websockets (the in-process mock answers HTTP only)'
      t.skip('watch', 'pushes CREATE for a new provider instance', reason)
      t.skip('heartbeatWebSocket', 'upgrades for a live instance', reason)
      return
    }
    const appId = t.ledger.appId
    const providerName = t.name('watched')
    const provider = await t.createService({ serviceName: providerName })
    const consumer = await t.createService({ serviceName: t.name('watcher') })
    await t.api.GET('/v4/{project}/registry/instances', {
      params: {
        path: t.path({}),
        query: { appId, serviceName: providerName, version: '0+' },
        header: { 'X-ConsumerId': consumer },
      },
    })
    // Watchers follow recorded dependencies, which the registry writes asynchronously.
    await t.settle(
      () =>
        t.api.GET('/v4/{project}/registry/microservices/{consumerId}/providers', {
          params: { path: t.path({ consumerId: consumer }) },
        }),
      (r) => r.data?.providers?.some((s) => s.serviceId === provider) === true,
    )

    const registry = `/v4/${t.api.project}/registry/microservices`
    const watcher = await t.openSocket(`${registry}/${consumer}/watcher`)
    const opening = await watcher.opening
    if (t.check('watch', 'upgrades to a websocket', opening.opened, show(opening))) {
      const instanceId = await t.registerInstance(provider)
      const frame = await watcher.next(WAIT_MS)
      const event = parse(frame)
      t.check(
        'watch',
        'pushes CREATE for a new provider instance',
        event?.action === 'CREATE' && event.instance?.instanceId === instanceId,
        `got ${show(frame ?? 'no frame')}`,
      )
      const issues = event ? createSpecValidator().schema('WatchEvent', event) : []
      t.check(
        'watch',
        'frames are valid WatchEvents',
        event !== undefined && issues.length === 0,
        show(issues),
      )
      watcher.close()

      const beating = await t.openSocket(
        `${registry}/${provider}/instances/${instanceId}/heartbeat`,
      )
      const beat = await beating.opening
      t.check('heartbeatWebSocket', 'upgrades for a live instance', beat.opened, show(beat))
      beating.close()
    }
    const unknown = await t.openSocket(
      `${registry}/${provider}/instances/missing0instance/heartbeat`,
    )
    const refused = (await unknown.opening).opened
      ? await unknown.closed(WAIT_MS)
      : await unknown.opening
    t.check(
      'heartbeatWebSocket',
      'closes an unknown instance with 4001',
      refused?.code === 4001,
      show(refused),
    )
  },
})

function parse(frame: string | undefined) {
  if (frame === undefined) return undefined
  try {
    return JSON.parse(frame) as { action?: string; instance?: { instanceId?: string } }
  } catch {
    return undefined
  }
}
