import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSnapshotFile, saveSnapshotFile } from '../../src/seed/fixtures-node.ts'
import {
  createSeedSnapshot,
  describeSnapshot,
  InvalidSnapshotError,
  parseSnapshot,
  SEED_PRESETS,
  type SeedPresetName,
  serializeSnapshot,
} from '../../src/seed/index.ts'

/** Parsed JSON, loose on purpose: the tests below damage it field by field. */
type Json = ReturnType<typeof JSON.parse>

const fixture = (name: string) => new URL(`../../fixtures/${name}.json`, import.meta.url)

describe('checked-in fixtures', () => {
  it.each(Object.keys(SEED_PRESETS) as SeedPresetName[])(
    '%s.json is exactly what its preset seeds (run npm run fixtures when this fails)',
    async (name) => {
      const expected = createSeedSnapshot(SEED_PRESETS[name])
      expect(await loadSnapshotFile(fixture(name))).toStrictEqual(expected)
      expect(await readFile(fixture(name), 'utf8')).toBe(serializeSnapshot(expected))
    },
  )

  it('small is a handful of services with tags, schemas and a dependency', async () => {
    const counts = describeSnapshot(await loadSnapshotFile(fixture('small')))
    expect(counts.instances).toBeGreaterThan(0)
    expect(counts.instances).toBeLessThanOrEqual(20)
    expect(counts.tags).toBeGreaterThan(0)
    expect(counts.schemas).toBeGreaterThan(0)
    expect(counts.dependencies).toBeGreaterThan(0)
  })

  it('large holds at least 1,000 instances', async () => {
    const counts = describeSnapshot(await loadSnapshotFile(fixture('large')))
    expect(counts.instances).toBeGreaterThanOrEqual(1000)
  })
})

describe('parseSnapshot', () => {
  const valid = () => JSON.parse(serializeSnapshot(createSeedSnapshot(SEED_PRESETS.small)))

  it('returns a valid snapshot as it is', () => {
    const json = valid()
    expect(parseSnapshot(json)).toBe(json)
  })

  it('rejects a wrong format with a clear message', () => {
    const json = { ...valid(), format: 'cse-mock/snapshot@2' }
    expect(() => parseSnapshot(json)).toThrow(InvalidSnapshotError)
    expect(() => parseSnapshot(json)).toThrow(
      'Failed to load the snapshot: format is "cse-mock/snapshot@2", expected "cse-mock/snapshot@1". Pass a snapshot made by snapshot(), createSeedSnapshot() or saveSnapshotFile().',
    )
    try {
      parseSnapshot(json)
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_SNAPSHOT', name: 'InvalidSnapshotError' })
    }
  })

  it.each([
    ['not an object', () => [], /the snapshot must be an object, got an array/],
    [
      'no tenants',
      (s: Json) => ({ ...s, tenants: undefined }),
      /tenants must be an array, got nothing/,
    ],
    [
      'a tenant without a project',
      (s: Json) => {
        s.tenants[0].project = ''
        return s
      },
      /tenants\[0\]\.project must be a non-empty string, got an empty string/,
    ],
    [
      'a service without an id',
      (s: Json) => {
        delete s.tenants[0].services[1].service.serviceId
        return s
      },
      /tenants\[0\]\.services\[1\]\.service\.serviceId must be a non-empty string, got nothing/,
    ],
    [
      'an instance that is not an object',
      (s: Json) => {
        s.tenants[0].services[0].instances[1] = 'x'
        return s
      },
      /tenants\[0\]\.services\[0\]\.instances\[1\] must be an object, got a string/,
    ],
    [
      'a non-string tag',
      (s: Json) => {
        s.tenants[0].services[0].tags = { team: 7 }
        return s
      },
      /tenants\[0\]\.services\[0\]\.tags\.team must be a string, got a number/,
    ],
    [
      'a dependency without providers',
      (s: Json) => {
        delete s.tenants[0].dependencies[0].providers
        return s
      },
      /tenants\[0\]\.dependencies\[0\]\.providers must be an array/,
    ],
  ])('rejects %s and names the field', (_, damage, reason) => {
    expect(() => parseSnapshot(damage(valid()))).toThrow(reason)
  })
})

describe('snapshot files', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cse-mock-seed-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('round-trips through saveSnapshotFile and loadSnapshotFile', async () => {
    const snapshot = createSeedSnapshot({ seed: 11 })
    const path = join(dir, 'round-trip.json')
    await saveSnapshotFile(path, snapshot)
    expect(await loadSnapshotFile(path)).toStrictEqual(snapshot)
  })

  it('writes pretty JSON with sorted keys and a trailing newline', async () => {
    const path = join(dir, 'pretty.json')
    await saveSnapshotFile(path, { tenants: [], format: 'cse-mock/snapshot@1', description: 'd' })
    expect(await readFile(path, 'utf8')).toBe(
      '{\n  "description": "d",\n  "format": "cse-mock/snapshot@1",\n  "tenants": []\n}\n',
    )
  })

  it('reads a gzipped snapshot, as the package ships the large fixture', async () => {
    const path = join(dir, 'small.json.gz')
    await writeFile(path, gzipSync(await readFile(fixture('small'))))
    expect(await loadSnapshotFile(path)).toStrictEqual(await loadSnapshotFile(fixture('small')))
  })

  it('names the file when it is not JSON or not a snapshot', async () => {
    const broken = join(dir, 'broken.json')
    await writeFile(broken, '{ "format": ')
    await expect(loadSnapshotFile(broken)).rejects.toThrow(/broken\.json is not valid JSON/)
    const wrong = join(dir, 'wrong.json')
    await writeFile(wrong, '{ "format": "other" }')
    await expect(loadSnapshotFile(wrong)).rejects.toThrow(
      /^Failed to load the snapshot: format is "other", expected "cse-mock\/snapshot@1" in .*wrong\.json\. /,
    )
  })
})
