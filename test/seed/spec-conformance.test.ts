import { describe, expect, it } from 'vitest'
import { createSeedSnapshot, SEED_PRESETS } from '../../src/seed/index.ts'
import { createSpecValidator } from '../../src/spec/validators.ts'
import { allEntries } from './rules.ts'

const validator = createSpecValidator()

describe('seeded data against the spec', () => {
  it.each([
    ['the small preset', SEED_PRESETS.small],
    ['the large preset', SEED_PRESETS.large],
    [
      'every knob turned',
      { seed: 3, environment: 'production', tags: 9, properties: 8, schemas: 4 },
    ],
  ] as const)('%s validates against the component schemas', (_, options) => {
    const snapshot = createSeedSnapshot(options)
    const issues: unknown[] = []
    const check = (name: string, value: unknown, at: string) => {
      for (const issue of validator.schema(name, value)) issues.push({ at, ...issue })
    }
    for (const { service, schemas, instances } of allEntries(snapshot)) {
      check('MicroService', service, service.serviceId ?? '')
      for (const schema of schemas ?? []) check('Schema', schema, schema.schemaId)
      for (const instance of instances ?? []) {
        check('MicroServiceInstance', instance, instance.instanceId ?? '')
      }
    }
    for (const dependency of snapshot.tenants.flatMap((tenant) => tenant.dependencies)) {
      for (const provider of dependency.providers) {
        check('MicroServiceKey', provider, dependency.consumerId)
      }
    }
    expect(issues).toStrictEqual([])
  })

  it('would notice a value that breaks a rule', () => {
    const entry = allEntries(createSeedSnapshot())[0]
    expect(validator.schema('MicroService', { ...entry?.service, level: 'TOP' })).not.toHaveLength(
      0,
    )
  })
})
