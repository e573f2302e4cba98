import { expect } from 'vitest'
import { expectEmptyOk, expectJsonOk, post, type Reply, send } from './helpers.ts'

/** The root password the RBAC wire tests start their mock with. */
export const ROOT_PASSWORD = 'Root#Pa55word'
/** A password that passes Service Center's rule, for accounts the tests create. */
export const PASSWORD = 'Dev#Pa55word'

/** Logs in and returns the `Authorization` header of the token. */
export async function login(name = 'root', password = ROOT_PASSWORD, lifetime?: string) {
  const body: Record<string, string> = { name, password }
  if (lifetime) body.tokenExpirationTime = lifetime
  const reply = await post<{ token: string }>('/v4/token', body)
  return { Authorization: `Bearer ${expectJsonOk(reply).token}` }
}

/** A call to one of the account and role paths (`/v4/...`, no project). */
export function call<T = unknown>(
  method: string,
  path: string,
  headers: Record<string, string>,
  json?: unknown,
): Promise<Reply<T>> {
  return send<T>(method, path, { headers, ...(json === undefined ? {} : { json }) })
}

/** Creates an account as root and returns its `Authorization` header. */
export async function account(name: string, roles: string[], root: Record<string, string>) {
  expectEmptyOk(await call('POST', '/v4/accounts', root, { name, password: PASSWORD, roles }))
  return login(name, PASSWORD)
}

/** Creates a role as root. */
export async function role(name: string, perms: unknown[], root: Record<string, string>) {
  expectEmptyOk(await call('POST', '/v4/roles', root, { name, perms }))
}

/** Asserts an error envelope without a `detail`, as Service Center sends for these codes. */
export function expectNoDetail(reply: Reply) {
  expect(reply.body).not.toHaveProperty('detail')
}
