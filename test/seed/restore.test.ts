import { describe, expect, it } from 'vitest'
import { createRegistry, serviceIdFor } from '../../src/registry/index.ts'
import { createSeedSnapshot, SEED_PRESETS } from '../../src/seed/index.ts'
import { allEntries } from './rules.ts'

describe('seeded snapshots in the registry', () => {
  it.each([
    ['small', SEED_PRESETS.small],
    ['large', SEED_PRESETS.large],
    ['production', { seed: 9, environment: 'production', domain: 'acme', project: 'p1' }],
  ] as const)('%s restores and snapshots back unchanged', async (_, options) => {
    const { description: _description, ...seeded } = createSeedSnapshot(options)
    const registry = createRegistry()
    await registry.restore(seeded)
    expect(registry.snapshot()).toStrictEqual(seeded)
  })

  it('gives each service the id the registry derives from its identity key', () => {
    const options = { domain: 'acme', project: 'p1', environment: 'testing' } as const
    for (const { service } of allEntries(createSeedSnapshot(options))) {
      expect(service.serviceId).toBe(
        serviceIdFor({
          domain: 'acme',
          project: 'p1',
          environment: 'testing',
          appId: service.appId ?? '',
          serviceName: service.serviceName ?? '',
          version: service.version ?? '',
        }),
      )
    }
  })
})
