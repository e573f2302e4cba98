/**
 * `cse-mock/client`: a typed client of the registry API (openapi-fetch on the spec's types),
 * usable against the mock, the standalone server or a live CSE / Service Center.
 */
export type { RegistryClient } from './contract/client/create-registry-client.ts'
export { createRegistryClient } from './contract/client/create-registry-client.ts'
export type { RegistryClientOptions } from './contract/client/options.ts'
export type { BucketClock, TokenBucket } from './contract/client/rate-limit.ts'
export { createTokenBucket } from './contract/client/rate-limit.ts'
export type { TlsOptions } from './contract/client/tls-fetch.ts'
export { createTlsFetch } from './contract/client/tls-fetch.ts'
export type { Credentials, TokenAuth } from './contract/client/token-auth.ts'
export { createTokenAuth } from './contract/client/token-auth.ts'
export { ContractError } from './contract/errors.ts'
export type { components, paths } from './generated/schema.ts'
