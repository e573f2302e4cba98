import type { CompareStep } from '../types.ts'
import { REGISTRY, step } from './step.ts'

/**
 * Steps that need no data: version, health, root endpoints, governance, tokens, unknown
 * routes, wrong methods and a CORS preflight.
 * @example
 * systemSteps().map((s) => s.name)
 */
export function systemSteps(): CompareStep[] {
  return [
    step('version', 'GET', `${REGISTRY}/version`),
    step('version, trailing slash', 'GET', `${REGISTRY}/version/`),
    step('health', 'GET', `${REGISTRY}/health`),
    step('root /version', 'GET', '/version'),
    step('root /health', 'GET', '/health'),
    step('version, other project', 'GET', '/v4/other/registry/version'),
    step('unknown route', 'GET', `${REGISTRY}/nosuchthing`),
    step('unknown route outside /v4', 'GET', '/nosuchthing'),
    step('wrong method on a collection', 'PATCH', `${REGISTRY}/microservices`),
    step('wrong method on version', 'POST', `${REGISTRY}/version`, { body: {} }),
    step('CORS preflight', 'OPTIONS', `${REGISTRY}/microservices`, {
      headers: {
        Origin: 'http://ui.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-domain-name',
      },
    }),
    step('OPTIONS without preflight headers', 'OPTIONS', `${REGISTRY}/microservices`),
    step('GET with Origin', 'GET', `${REGISTRY}/version`, {
      headers: { Origin: 'http://ui.example' },
    }),
    step('token, RBAC off', 'POST', '/v4/token', { body: { name: 'root', password: 'x' } }),
    step('token GET', 'GET', '/v4/token'),
    step('governance: apps', 'GET', '/v4/default/govern/apps'),
    step('governance: apps withShared', 'GET', '/v4/default/govern/apps?withShared=true'),
    step('governance: microservices', 'GET', '/v4/default/govern/microservices'),
    step('governance: relations', 'GET', '/v4/default/govern/relations'),
    step('governance: statistics', 'GET', '/v4/default/govern/statistics'),
    step('governance: unknown microservice', 'GET', '/v4/default/govern/microservices/no-such-id'),
    step('list services, empty tenant', 'GET', `${REGISTRY}/microservices`, {
      headers: { 'X-Domain-Name': 'cmp-empty-tenant' },
    }),
    step('list services withShared', 'GET', `${REGISTRY}/microservices?withShared=true`, {
      headers: { 'X-Domain-Name': 'cmp-empty-tenant' },
    }),
    step(
      'find SERVICECENTER',
      'GET',
      `${REGISTRY}/instances?appId=default&serviceName=SERVICECENTER`,
    ),
  ]
}
