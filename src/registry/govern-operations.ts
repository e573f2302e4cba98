import type { RequestContext } from './core.ts'
import * as govern from './govern.ts'
import type { Graph, ServiceDetail, Statistics } from './model.ts'
import { RegistryBase } from './registry-base.ts'

/**
 * The governance views of the registry (`/v4/{project}/govern/...`): read-only, as Service
 * Center's dashboard reads them.
 * @example
 * class ServiceOperations extends GovernOperations {}
 */
export class GovernOperations extends RegistryBase {
  /** `GET /govern/apps`. */
  listApps(
    ctx: RequestContext,
    q: { env?: string | undefined; withShared?: boolean | undefined } = {},
  ): { appIds?: string[] } {
    return this.read(() => govern.listApps(this.core, ctx, q))
  }

  /** `GET /govern/microservices`. */
  listServiceDetails(
    ctx: RequestContext,
    q: govern.GovernListQuery,
  ): { allServicesDetail?: ServiceDetail[]; statistics?: Statistics } {
    return this.read(() => govern.listServiceDetails(this.core, ctx, q))
  }

  /** `GET /govern/microservices/{serviceId}`. */
  getServiceDetail(ctx: RequestContext, serviceId: string): { service: ServiceDetail } {
    return this.read(() => govern.getServiceDetail(this.core, ctx, serviceId))
  }

  /** `GET /govern/relations`. */
  getRelations(ctx: RequestContext, q: { withShared?: boolean } = {}): Graph {
    return this.read(() => govern.getRelations(this.core, ctx, q.withShared ?? false))
  }

  /** `GET /govern/statistics`. */
  getStatistics(ctx: RequestContext): { statistics: Statistics } {
    return this.read(() => govern.getStatistics(this.core, ctx))
  }
}
