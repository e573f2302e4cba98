import { defineProbe } from '../framework/profile.ts'
import { errorCodeOf, show } from '../framework/results.ts'

/**
 * `POST /v4/token` on a target without authentication: a token (cse) or no route, 404
 * (servicecomb, Service Center with RBAC off). Not probed when the run logs in.
 * @example
 * createContractRun({ target, scenarios: [], probes: [tokenWithoutAccounts] })
 */
export const tokenWithoutAccounts = defineProbe({
  key: 'tokenWithoutAccounts',
  operations: ['createToken'],
  async run(t) {
    if (t.login) {
      return { observed: 'not probed', evidence: 'the run logs in, so the target has accounts' }
    }
    const result = await t.api.POST('/v4/token', {
      body: { name: `${t.ledger.appId}-probe`, password: 'Probe-pa55word' },
    })
    const status = result.response.status
    const evidence = `a token request without accounts answered ${status} ${show(errorCodeOf(result) ?? '')}`
    if (status === 200) return { observed: 'cse', evidence }
    if (status === 404) return { observed: 'servicecomb', evidence }
    return { observed: 'neither', evidence }
  },
})
