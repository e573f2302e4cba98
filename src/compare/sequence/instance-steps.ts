import type { CompareStep } from '../types.ts'
import { REGISTRY, step } from './step.ts'

const MS = `${REGISTRY}/microservices`
const INST = `${MS}/{provider}/instances`

/**
 * Instances: register, read, discovery (with revisions and bad queries), batch find,
 * heartbeats, status, properties, websocket upgrades and refusals, dependencies.
 * @example
 * instanceSteps('cmp-1').some((s) => s.upgrade) // true
 */
export function instanceSteps(app: string): CompareStep[] {
  const instance = {
    hostName: 'cmp-host-1',
    endpoints: ['rest://127.0.0.1:8080'],
    properties: { zone: 'z1' },
  }
  const find = `${REGISTRY}/instances?appId=${app}&serviceName=provider`
  const consumer = { 'X-ConsumerId': '{consumer}' }
  return [
    step('register instance', 'POST', INST, {
      body: { instance },
      capture: { instance: 'instanceId' },
    }),
    step('register instance, custom id', 'POST', INST, {
      body: { instance: { ...instance, instanceId: 'cmp-custom-1', hostName: 'cmp-host-2' } },
      capture: { custom: 'instanceId' },
    }),
    step('re-register live custom id, other body', 'POST', INST, {
      body: {
        instance: {
          instanceId: 'cmp-custom-1',
          hostName: 'cmp-host-3',
          endpoints: ['rest://127.0.0.1:9090'],
          status: 'DOWN',
        },
      },
    }),
    step('register, no hostName', 'POST', INST, {
      body: { instance: { endpoints: ['rest://1.2.3.4:80'] } },
    }),
    step('register, unknown service', 'POST', `${MS}/no-such-service/instances`, {
      body: { instance },
    }),
    step('register, bad JSON', 'POST', INST, { body: '{"instance":{' }),
    step('get instance', 'GET', `${INST}/{instance}`, { headers: consumer }),
    step('get custom instance', 'GET', `${INST}/cmp-custom-1`, { headers: consumer }),
    step('get unknown instance', 'GET', `${INST}/no-such-instance`, { headers: consumer }),
    step('list instances', 'GET', INST, { headers: consumer }),
    step('list instances, unknown service', 'GET', `${MS}/no-such-service/instances`, {
      headers: consumer,
    }),
    step('find', 'GET', find, {
      headers: consumer,
      capture: { rev: 'header:X-Resource-Revision' },
    }),
    step('find with rev', 'GET', `${find}&rev={rev}`, { headers: consumer }),
    step('find with rev and noCache', 'GET', `${find}&rev={rev}&noCache=1`, { headers: consumer }),
    step('find, revision as request header', 'GET', find, {
      headers: { ...consumer, 'X-Resource-Revision': '{rev}' },
    }),
    step('find version latest', 'GET', `${find}&version=latest`, { headers: consumer }),
    step('find version not-a-version', 'GET', `${find}&version=not-a-version`, {
      headers: consumer,
    }),
    step('find, no consumer', 'GET', find),
    step('find, empty appId', 'GET', `${REGISTRY}/instances?appId=&serviceName=provider`),
    step('find, no appId', 'GET', `${REGISTRY}/instances?serviceName=provider`),
    step('find, no serviceName', 'GET', `${REGISTRY}/instances?appId=${app}`),
    step(
      'find, odd casing of names',
      'GET',
      `${REGISTRY}/instances?AppId=${app}&ServiceName=provider`,
    ),
    step('find, unknown service', 'GET', `${REGISTRY}/instances?appId=${app}&serviceName=nope`),
    step('find, env production', 'GET', `${find}&env=production`),
    step('find, trailing slash', 'GET', `${REGISTRY}/instances/?appId=${app}&serviceName=provider`),
    step('batch find', 'POST', `${REGISTRY}/instances/action?type=query`, {
      headers: consumer,
      body: {
        services: [
          { service: { appId: app, serviceName: 'provider', version: 'latest' }, rev: '0' },
          { service: { appId: app, serviceName: 'provider' }, rev: '{rev}' },
          { service: { appId: app, serviceName: 'nope' } },
        ],
        instances: [
          { instance: { serviceId: '{provider}', instanceId: '{instance}' } },
          { instance: { serviceId: '{provider}', instanceId: 'nope' } },
        ],
      },
    }),
    step('batch find, no type', 'POST', `${REGISTRY}/instances/action`, { body: { services: [] } }),
    step('batch find, bad action', 'POST', `${REGISTRY}/instances/action?type=bogus`, {
      body: { services: [] },
    }),
    step('heartbeat', 'PUT', `${INST}/{instance}/heartbeat`),
    step('heartbeat, unknown instance', 'PUT', `${INST}/no-such-instance/heartbeat`),
    step('heartbeats, known', 'PUT', `${REGISTRY}/heartbeats`, {
      body: { instances: [{ serviceId: '{provider}', instanceId: '{instance}' }] },
    }),
    step('heartbeats, one unknown', 'PUT', `${REGISTRY}/heartbeats`, {
      body: {
        instances: [
          { serviceId: '{provider}', instanceId: '{instance}' },
          { serviceId: '{provider}', instanceId: 'nope' },
        ],
      },
    }),
    step('heartbeats, empty', 'PUT', `${REGISTRY}/heartbeats`, { body: { instances: [] } }),
    step('status DOWN', 'PUT', `${INST}/{instance}/status?value=DOWN`),
    step('status lower case', 'PUT', `${INST}/{instance}/status?value=up`),
    step('status, no value', 'PUT', `${INST}/{instance}/status`),
    step('status UP', 'PUT', `${INST}/{instance}/status?value=UP`),
    step('instance properties', 'PUT', `${INST}/{instance}/properties`, {
      body: { properties: { zone: 'z2' } },
    }),
    step('instance after updates', 'GET', `${INST}/{instance}`, { headers: consumer }),
    step('status by properties', 'PUT', `${REGISTRY}/instances/status`, {
      body: { matches: { properties: { zone: 'none-such' } }, status: 'OUTOFSERVICE' },
    }),
    step('watch upgrade', 'GET', `${MS}/{consumer}/watcher`, { upgrade: true }),
    step('watch upgrade, unknown service', 'GET', `${MS}/no-such-service/watcher`, {
      upgrade: true,
    }),
    step('watch without upgrade', 'GET', `${MS}/{consumer}/watcher`, { settle: false }),
    step('heartbeat upgrade, unknown instance', 'GET', `${INST}/no-such-instance/heartbeat`, {
      upgrade: true,
    }),
    step('heartbeat without upgrade', 'GET', `${INST}/{instance}/heartbeat`, { settle: false }),
    step('providers of consumer', 'GET', `${MS}/{consumer}/providers`),
    step('consumers of provider', 'GET', `${MS}/{provider}/consumers`),
    step('providers, unknown service', 'GET', `${MS}/no-such-service/providers`),
    step('dependencies POST (deprecated)', 'POST', `${REGISTRY}/dependencies`, {
      body: {
        dependencies: [
          {
            consumer: { appId: app, serviceName: 'consumer', version: '1.0.0' },
            providers: [{ appId: app, serviceName: 'provider', version: '1.0.0' }],
          },
        ],
      },
    }),
    step('dependencies PUT, empty', 'PUT', `${REGISTRY}/dependencies`, {
      body: { dependencies: [] },
    }),
    step('delete service with instances', 'DELETE', `${MS}/{provider}`),
    step('deregister instance', 'DELETE', `${INST}/{instance}`),
    step('deregister again', 'DELETE', `${INST}/{instance}`),
    step('get deregistered instance', 'GET', `${INST}/{instance}`, { headers: consumer }),
    step('find after deregister', 'GET', `${find}&noCache=1`, { headers: consumer }),
  ]
}

/**
 * Deletions that end the sequence and leave the registry as it was.
 * @example
 * cleanupSteps('cmp-1').at(-1)?.name // 'list services at the end'
 */
export function cleanupSteps(app: string): CompareStep[] {
  return [
    step('delete services, batch with unknown', 'DELETE', MS, {
      body: { serviceIds: ['{consumer}', 'no-such-service'], force: false },
    }),
    step('delete services, empty', 'DELETE', MS, { body: { serviceIds: [] } }),
    step('force delete provider', 'DELETE', `${MS}/{provider}?force=true`),
    step('force delete the trailing-slash service', 'DELETE', `${MS}/{slash}?force=true`),
    step('get deleted service', 'GET', `${MS}/{provider}`),
    step('delete unknown service', 'DELETE', `${MS}/no-such-service`),
    step(
      'exists after delete',
      'GET',
      `${REGISTRY}/existence?type=microservice&appId=${app}&serviceName=provider&version=1.0.0`,
    ),
    step('list services at the end', 'GET', `${REGISTRY}/microservices`),
  ]
}
