import type { CompareStep } from '../types.ts'
import { REGISTRY, step } from './step.ts'

const MS = `${REGISTRY}/microservices`

/**
 * Services, existence checks, properties and tags, with their errors and edge cases
 * (trailing slashes, odd casing of query names, empty and missing parameters).
 * @example
 * serviceSteps('cmp-1')[0].path // '/v4/default/registry/microservices'
 */
export function serviceSteps(app: string): CompareStep[] {
  const provider = {
    appId: app,
    serviceName: 'provider',
    version: '1.0.0',
    schemas: ['hello', 'second'],
  }
  const exists = `${REGISTRY}/existence?type=microservice&appId=${app}`
  return [
    step('create provider', 'POST', MS, {
      body: { service: provider },
      capture: { provider: 'serviceId' },
    }),
    step('create provider again', 'POST', MS, { body: { service: provider } }),
    step('create with a conflicting id', 'POST', MS, {
      body: { service: { ...provider, serviceId: 'cmp-other-id' } },
    }),
    step('create consumer', 'POST', MS, {
      body: { service: { appId: app, serviceName: 'consumer', version: '1.0.0' } },
      capture: { consumer: 'serviceId' },
    }),
    step('create, body cut off', 'POST', MS, { body: '{"service":' }),
    step('create, empty body', 'POST', MS, { body: '' }),
    step('create, no serviceName', 'POST', MS, {
      body: { service: { appId: app, version: '1.0.0' } },
    }),
    step('create, bad version', 'POST', MS, {
      body: { service: { appId: app, serviceName: 'bad', version: '1.0-SNAPSHOT' } },
    }),
    step('create, trailing slash', 'POST', `${MS}/`, {
      body: { service: { appId: app, serviceName: 'slash', version: '1.0.0' } },
      capture: { slash: 'serviceId' },
    }),
    step('get provider', 'GET', `${MS}/{provider}`),
    step('get provider, trailing slash', 'GET', `${MS}/{provider}/`),
    step('get unknown service', 'GET', `${MS}/no-such-service`),
    step('list services', 'GET', MS),
    step('list services withShared', 'GET', `${MS}?withShared=true`),
    step('exists: service', 'GET', `${exists}&serviceName=provider&version=1.0.0`),
    step('exists: version latest', 'GET', `${exists}&serviceName=provider&version=latest`),
    step('exists: version range', 'GET', `${exists}&serviceName=provider&version=1.0.0%2B`),
    step('exists: no version', 'GET', `${exists}&serviceName=provider`),
    step('exists: empty version', 'GET', `${exists}&serviceName=provider&version=`),
    step('exists: unknown service', 'GET', `${exists}&serviceName=nope&version=1.0.0`),
    step('exists: unknown version', 'GET', `${exists}&serviceName=provider&version=9.9.9`),
    step(
      'exists: env production',
      'GET',
      `${exists}&serviceName=provider&version=1.0.0&env=production`,
    ),
    step(
      'exists: no type',
      'GET',
      `${REGISTRY}/existence?appId=${app}&serviceName=provider&version=1.0.0`,
    ),
    step(
      'exists: bad type',
      'GET',
      `${REGISTRY}/existence?type=bogus&appId=${app}&serviceName=provider`,
    ),
    step(
      'exists: odd casing of names',
      'GET',
      `${REGISTRY}/existence?Type=microservice&AppId=${app}&ServiceName=provider&Version=1.0.0`,
    ),
    step(
      'exists: no appId',
      'GET',
      `${REGISTRY}/existence?type=microservice&serviceName=provider&version=1.0.0`,
    ),
    step('service properties', 'PUT', `${MS}/{provider}/properties`, {
      body: { properties: { owner: 'cmp' } },
    }),
    step('service properties, unknown service', 'PUT', `${MS}/no-such-service/properties`, {
      body: { properties: { a: 'b' } },
    }),
    step('service properties, bad body', 'PUT', `${MS}/{provider}/properties`, { body: '[1,2' }),
    step('tags: set', 'POST', `${MS}/{provider}/tags`, { body: { tags: { a: 'x', b: 'y' } } }),
    step('tags: get', 'GET', `${MS}/{provider}/tags`),
    step('tags: update one', 'PUT', `${MS}/{provider}/tags/a?value=z`),
    step('tags: update missing', 'PUT', `${MS}/{provider}/tags/zzz?value=z`),
    step('tags: update, no value', 'PUT', `${MS}/{provider}/tags/a`),
    step('tags: delete with a missing key', 'DELETE', `${MS}/{provider}/tags/b,missing`),
    step('tags: delete', 'DELETE', `${MS}/{provider}/tags/b`),
    step('tags: bad value', 'POST', `${MS}/{provider}/tags`, { body: { tags: { a: '1' } } }),
    step('tags: unknown service', 'GET', `${MS}/no-such-service/tags`),
  ]
}
