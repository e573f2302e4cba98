export type {
  Account,
  AccountLock,
  Caller,
  Permission,
  ResourceScope,
  Role,
  StoredAccount,
} from './model.ts'
export { ROLE_ADMIN, ROLE_DEVELOPER, ROOT_ACCOUNT } from './model.ts'
export { toPkcs8 } from './pem.ts'
export { ADMIN_PERMS, DEVELOPER_PERMS, decide, METHOD_VERBS } from './permissions.ts'
export { Rbac, type RbacOptions, type RbacState } from './rbac.ts'
export { accessOf, resourceOf } from './resources.ts'
export type { KeyPair, TokenRefusal } from './tokens.ts'
export { TokenSigner } from './tokens.ts'
