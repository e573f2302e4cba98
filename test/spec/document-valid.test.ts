import { readFile } from 'node:fs/promises'
import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { renderGenerated } from '../../scripts/generate.ts'
import openapi from '../../src/generated/openapi.json' with { type: 'json' }

const root = new URL('../../', import.meta.url)

const REQUIRED_SCHEMAS = [
  'MicroService',
  'MicroServiceInstance',
  'HealthCheck',
  'DataCenterInfo',
  'FrameworkProperty',
  'ServicePath',
  'MicroServiceKey',
  'Schema',
  'Error',
  'CreateServiceRequest',
  'CreateServiceResponse',
  'RegisterInstanceRequest',
  'RegisterInstanceResponse',
  'HeartbeatSetRequest',
  'HeartbeatSetResponse',
  'InstanceHbResult',
  'BatchFindRequest',
  'BatchFindResponse',
  'FindResult',
  'FindFailedResult',
  'BatchFindResult',
  'WatchEvent',
  'DeleteServicesRequest',
  'DeleteServicesResponse',
  'DelServicesRspInfo',
  'VersionResponse',
  'TokenRequest',
  'TokenResponse',
]

describe('the spec document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator()
    const result = await validator.validate(openapi as Record<string, unknown>)
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('defines every component schema the code relies on', () => {
    const names = Object.keys(openapi.components.schemas)
    expect(names).toEqual(expect.arrayContaining(REQUIRED_SCHEMAS))
  })

  it('never forbids unknown properties, since the registry ignores unknown fields', () => {
    const closed: string[] = []
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== 'object') return
      for (const [key, value] of Object.entries(node)) {
        if (
          (key === 'additionalProperties' || key === 'unevaluatedProperties') &&
          value === false
        ) {
          closed.push(at)
        }
        walk(value, `${at}/${key}`)
      }
    }
    walk(openapi, '#')
    expect(closed).toEqual([])
  })

  it('generates openapi.json as the same document as the YAML source', async () => {
    const yaml = parse(await readFile(new URL('spec/cse-registry.yaml', root), 'utf8'))
    expect(openapi).toEqual(yaml)
  })

  it('has checked-in generated files that match the spec', async () => {
    for (const file of await renderGenerated(root)) {
      const current = await readFile(new URL(file.path, root), 'utf8')
      expect(current, `${file.path} is stale; run npm run generate`).toBe(file.content)
    }
  })

  it('renders the same output twice (deterministic generation)', async () => {
    const [first, second] = await Promise.all([renderGenerated(root), renderGenerated(root)])
    expect(second).toEqual(first)
  })
})
