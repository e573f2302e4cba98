import type { RegistryClient } from '../client/create-registry-client.ts'
import type { RunLedger } from '../safety/ledger.ts'
import type { CheckLog } from './check-log.ts'
import { operationOfResponse } from './response-operations.ts'
import {
  type CheckSubject,
  type ScenarioContext,
  ScenarioStop,
  type SettleOptions,
} from './scenario.ts'
import type { OpenSocket } from './sockets.ts'

/**
 * Creates the context one scenario runs with. Names and endpoints stay unique across all
 * scenarios of a run because the counters live in the shared `counters` object.
 * @example
 * const t = createScenarioContext({ api, ledger, log, counters: { n: 0 } })
 */
export function createScenarioContext(options: {
  api: RegistryClient
  ledger: RunLedger
  log: CheckLog
  counters: { n: number }
  login?: { user: string; password: string }
  settle?: SettleOptions
  openSocket?: OpenSocket
}): ScenarioContext {
  const settle = options.settle ?? { attempts: 1, delayMs: 0 }
  const { api, ledger, log, counters } = options
  const next = () => {
    counters.n += 1
    return counters.n
  }
  const operationOf = (subject: CheckSubject) =>
    typeof subject === 'string' ? subject : (operationOfResponse(subject.response) ?? 'unknown')

  const t: ScenarioContext = {
    api,
    ledger,
    login: options.login,
    openSocket: options.openSocket,
    path: (params) => ({ project: api.project, ...params }),
    name: (label) => `${label}-${next()}`,
    endpoint: () => `rest://192.0.2.10:${8000 + next()}?contract=${ledger.runId}`,
    check(subject, rule, pass, failure) {
      log.add({
        operationId: operationOf(subject),
        rule,
        outcome: pass ? 'passed' : 'failed',
        ...(pass || failure === undefined ? {} : { message: failure }),
      })
      return pass
    },
    expectStatus(result, status) {
      const got = result.response.status
      return t.check(result, `answers ${status}`, got === status, `got ${got}${errorText(result)}`)
    },
    expectError(result, errorCode) {
      const got = result.response.status
      const code = (result.error as { errorCode?: unknown } | undefined)?.errorCode
      const pass = got === Math.floor(Number(errorCode) / 1000) && code === errorCode
      return t.check(result, `answers ${errorCode}`, pass, `got ${got}${errorText(result)}`)
    },
    skip(operationId, rule, reason) {
      log.add({ operationId, rule, outcome: 'skipped', message: reason })
    },
    async settle(read, done) {
      let result = await read()
      for (let attempt = 1; attempt < settle.attempts && !done(result); attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, settle.delayMs))
        result = await read()
      }
      return result
    },
    need(value, what) {
      if (value === undefined || value === null) throw new ScenarioStop(`stopped: ${what}`)
      return value
    },
    async createService(service) {
      const result = await api.POST('/v4/{project}/registry/microservices', {
        params: { path: t.path({}) },
        body: {
          service: {
            appId: ledger.appId,
            environment: 'development',
            version: '1.0.0',
            ...service,
          },
        },
      })
      t.expectStatus(result, 200)
      return t.need(result.data?.serviceId, `${service.serviceName} was not created`)
    },
    async registerInstance(serviceId, instance = {}) {
      const result = await api.POST('/v4/{project}/registry/microservices/{serviceId}/instances', {
        params: { path: t.path({ serviceId }) },
        body: {
          instance: {
            hostName: 'contract-host',
            endpoints: [t.endpoint()],
            ...instance,
          },
        },
      })
      t.expectStatus(result, 200)
      return t.need(result.data?.instanceId, 'the instance was not registered')
    },
  }
  return t
}

function errorText(result: { error?: unknown }): string {
  const error = result.error as { errorCode?: unknown; detail?: unknown } | string | undefined
  if (error === undefined || error === '') return ''
  if (typeof error === 'string') return ` ${JSON.stringify(error.slice(0, 80))}`
  return ` ${JSON.stringify(error.errorCode)}${error.detail ? ` (${String(error.detail)})` : ''}`
}
