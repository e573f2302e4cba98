import { RegistryError } from '../errors.ts'
import type { Permission, ResourceScope } from './model.ts'

/** HTTP method → verb of Service Center's permission check. */
export const METHOD_VERBS: Readonly<Record<string, string>> = {
  GET: 'get',
  POST: 'create',
  PUT: 'update',
  DELETE: 'delete',
}

const everything = (types: readonly string[]): Permission[] => [
  { resources: types.map((type) => ({ type })), verbs: ['*'] },
]

/** Every resource type of Service Center's permission model, in its order. */
const RESOURCE_TYPES = [
  'account',
  'config',
  'role',
  'service',
  'governance',
  'ops',
  'service/schema',
] as const

/** The permissions of the built-in `admin` role, in Service Center's order. */
export const ADMIN_PERMS: Permission[] = everything(RESOURCE_TYPES)

/** The permissions of the built-in `developer` role, in Service Center's order. */
export const DEVELOPER_PERMS: Permission[] = everything([
  'config',
  'service',
  'governance',
  'ops',
  'service/schema',
])

/**
 * Whether permissions grant what the built-in `admin` role grants: every verb on every
 * resource type, without labels narrowing it.
 * @example
 * grantsEverything(ADMIN_PERMS) // true
 * grantsEverything(DEVELOPER_PERMS) // false: no account or role
 */
export function grantsEverything(perms: readonly Permission[]): boolean {
  return RESOURCE_TYPES.every((type) =>
    Object.values(METHOD_VERBS).every((verb) =>
      perms.some(
        (perm) =>
          (perm.verbs ?? []).some((given) => given === '*' || given === verb) &&
          (perm.resources ?? []).some(
            (resource) => resource.type === type && Object.keys(resource.labels ?? {}).length === 0,
          ),
      ),
    ),
  )
}

/**
 * Service Center's decision for a request by a non-admin: allowed (with the permission labels
 * that matched, empty when none applies) or 403205 with its detail.
 * @example
 * decide(DEVELOPER_PERMS, { type: 'account', verb: 'get', labels: [] }) // throws 403205 "role has no permissions[account:get]"
 */
export function decide(perms: Permission[], scope: ResourceScope): Record<string, string>[] {
  if (perms.length === 0) throw new RegistryError('403205', 'role has no any permissions')
  let allowed = false
  const permLabels: Record<string, string>[] = []
  for (const perm of perms) {
    if (!(perm.verbs ?? []).some((verb) => verb === '*' || verb === scope.verb)) continue
    const resources = (perm.resources ?? []).filter((resource) => resource.type === scope.type)
    if (resources.length === 0) continue
    allowed = true
    if (resources.some((resource) => Object.keys(resource.labels ?? {}).length === 0)) return []
    for (const resource of resources) permLabels.push(resource.labels ?? {})
  }
  if (!allowed) {
    throw new RegistryError('403205', `role has no permissions[${scope.type}:${scope.verb}]`)
  }
  if (scope.labels.length === 0) return permLabels
  const matched = scope.labels.flatMap((target) =>
    permLabels.filter((label) => Object.entries(label).every(([k, v]) => target[k] === v)),
  )
  if (matched.length === 0) {
    throw new RegistryError(
      '403205',
      `role has no permissions[${scope.type}:${scope.verb}] for labels ${goLabels(scope.labels)}`,
    )
  }
  return matched
}

/** Go's `%v` of a `[]map[string]string`: maps print their keys sorted. */
function goLabels(labels: Record<string, string>[]): string {
  const maps = labels.map(
    (label) =>
      `map[${Object.keys(label)
        .sort()
        .map((key) => `${key}:${label[key]}`)
        .join(' ')}]`,
  )
  return `[${maps.join(' ')}]`
}
