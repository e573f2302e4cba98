import { errorCodeOf } from '../framework/results.ts'
import { defineScenario } from '../framework/scenario.ts'

/**
 * Version, health and tokens: the calls that never need a registered service.
 * @example
 * createContractRun({ target, scenarios: [meta] })
 */
export const meta = defineScenario({
  name: 'meta',
  operations: ['getVersion', 'getHealth', 'getRootVersion', 'getRootHealth', 'createToken'],
  async run(t) {
    const path = { params: { path: t.path({}) } }
    const version = await t.api.GET('/v4/{project}/registry/version', path)
    if (t.expectStatus(version, 200)) {
      t.check(
        version,
        'reports a version',
        typeof version.data?.version === 'string',
        'no version field',
      )
    }
    const health = await t.api.GET('/v4/{project}/registry/health', path)
    t.check(
      health,
      'answers 200, or 400002 when unhealthy',
      health.response.status === 200 || errorCodeOf(health) === '400002',
      `got ${health.response.status}`,
    )

    const rootVersion = await t.api.GET('/version')
    if (t.expectStatus(rootVersion, 200)) {
      t.check(
        rootVersion,
        'reports a version at the root path',
        typeof rootVersion.data?.version === 'string',
        'no version field',
      )
    }
    const rootHealth = await t.api.GET('/health')
    t.check(
      rootHealth,
      'answers the root health with 200, or 400002 when unhealthy',
      rootHealth.response.status === 200 || errorCodeOf(rootHealth) === '400002',
      `got ${rootHealth.response.status}`,
    )

    // Engines without security authentication have no /v4/token at all (Service Center
    // answers 404), so tokens are only exercised when the run logs in.
    if (!t.login) {
      const reason = 'no user and password were given for this target'
      t.skip('createToken', 'refuses unknown credentials with 401202 or 401302', reason)
      t.skip('createToken', 'issues a token', reason)
      return
    }
    const wrong = await t.api.POST('/v4/token', {
      body: { name: `${t.ledger.appId}-nobody`, password: 'Wrong-pa55word' },
    })
    const code = errorCodeOf(wrong)
    t.check(
      wrong,
      'refuses unknown credentials with 401202 or 401302',
      wrong.response.status === 401 && (code === '401202' || code === '401302'),
      `got ${wrong.response.status} ${JSON.stringify(code)}`,
    )
    const token = await t.api.POST('/v4/token', {
      body: { name: t.login.user, password: t.login.password },
    })
    if (t.expectStatus(token, 200)) {
      t.check(token, 'issues a token', (token.data?.token ?? '') !== '', 'empty token')
    }
  },
})
