import { errorCodeOf } from '../framework/results.ts'
import { defineScenario, type ScenarioContext } from '../framework/scenario.ts'

const NOT_ON =
  'the run does not log in, so the target is taken to run without security authentication'

/**
 * The operator's token, or `undefined` (with every rule of `rules` skipped) when the run does
 * not log in: auth scenarios only run against targets with security authentication.
 * @example
 * const authorization = await authorizationOrSkip(t, 'listServices', ['answers 401204 without a token'])
 */
export async function authorizationOrSkip(
  t: ScenarioContext,
  operationId: string,
  rules: readonly string[],
): Promise<string | undefined> {
  const authorization = await t.api.authorization()
  if (!authorization) for (const rule of rules) t.skip(operationId, rule, NOT_ON)
  return authorization
}

/** The detail of an error answer, if it has one. */
export function detailOf(result: { error?: unknown }): unknown {
  const error = result.error
  return typeof error === 'object' && error !== null && 'detail' in error ? error.detail : undefined
}

const RULES = [
  'answers 401204 without an Authorization header, with no detail',
  'answers 401201 to a token that is not a JWT',
  'answers 401201 to a token whose signature was changed',
  'answers 401201 when two spaces follow the scheme word',
  'accepts the token after any scheme word, as Service Center splits on the space',
  'refuses a token lifetime under 15m with 400001',
  'answers 401205 to an expired token',
] as const

/**
 * How the registry treats the Authorization header of a call with security authentication on:
 * missing, malformed, forged, mis-spaced, under another scheme word; and the token lifetime.
 * @example
 * createContractRun({ target, scenarios: [authTokens] })
 */
export const authTokens = defineScenario({
  name: 'auth-tokens',
  operations: ['listServices', 'createToken'],
  async run(t) {
    const authorization = await authorizationOrSkip(t, 'listServices', RULES)
    if (!authorization) return
    const token = authorization.slice(authorization.indexOf(' ') + 1)
    const list = (value: string) =>
      t.api.GET('/v4/{project}/registry/microservices', {
        params: { path: t.path({}) },
        headers: { Authorization: value },
      })
    // An empty header is what Service Center reads for a missing one (Go's Header.Get).
    const missing = await list('')
    if (t.expectError(missing, '401204')) {
      t.check(
        missing,
        RULES[0],
        detailOf(missing) === undefined,
        `detail ${JSON.stringify(detailOf(missing))}`,
      )
    } else
      t.check(
        missing,
        RULES[0],
        false,
        `got ${missing.response.status} ${JSON.stringify(errorCodeOf(missing))}`,
      )
    const refused = (result: Awaited<ReturnType<typeof list>>) =>
      result.response.status === 401 && errorCodeOf(result) === '401201'
    const describe = (result: { response: Response; error?: unknown }) =>
      `got ${result.response.status} ${JSON.stringify(errorCodeOf(result))}`
    const notJwt = await list('Bearer not-a-token')
    t.check(notJwt, RULES[1], refused(notJwt), describe(notJwt))
    const forged = await list(
      `Bearer ${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`,
    )
    t.check(forged, RULES[2], refused(forged), describe(forged))
    const spaced = await list(`Bearer  ${token}`)
    t.check(spaced, RULES[3], refused(spaced), describe(spaced))
    const other = await list(`Basic ${token}`)
    t.check(other, RULES[4], other.response.status === 200, describe(other))

    if (!t.login) {
      t.skip('createToken', RULES[5], 'the run was given a token, not a user and password')
    } else {
      const short = await t.api.POST('/v4/token', {
        body: { name: t.login.user, password: t.login.password, tokenExpirationTime: '1m' },
      })
      t.check(
        short,
        RULES[5],
        short.response.status === 400 && errorCodeOf(short) === '400001',
        describe(short),
      )
    }
    t.skip(
      'listServices',
      RULES[6],
      'tokens live at least 15 minutes and the suite cannot move the target clock',
    )
  },
})
