import type { RequestContext } from './core.ts'
import { type ExistenceQuery, existence } from './existence.ts'
import { GovernOperations } from './govern-operations.ts'
import type * as model from './model.ts'
import * as schemas from './schemas.ts'
import { deleteService, deleteServices } from './service-deletion.ts'
import * as services from './services.ts'
import * as tags from './tags.ts'

/**
 * The service-side operations of the registry: services, existence, tags and schemas (and the
 * governance views it extends).
 * @example
 * class Registry extends ServiceOperations {}
 */
export class ServiceOperations extends GovernOperations {
  /** `GET /registry/existence?type=microservice|schema`. */
  existence(
    ctx: RequestContext,
    q: ExistenceQuery,
  ): { serviceId: string; schemaId?: string; summary?: string } {
    return this.read(() => existence(this.core, ctx, q))
  }

  /** `POST /registry/microservices`. */
  createService(
    ctx: RequestContext,
    body: model.CreateServiceRequest,
  ): Promise<{ serviceId: string }> {
    return this.write(() => services.createService(this.core, ctx, body))
  }

  /** `GET /registry/microservices`; the shared SERVICECENTER only with `withShared`. */
  listServices(
    ctx: RequestContext,
    q?: { withShared?: boolean },
  ): { services?: model.MicroService[] } {
    return this.read(() => services.listServices(this.core, ctx, q))
  }

  /** `GET /registry/microservices/{serviceId}`. */
  getService(ctx: RequestContext, serviceId: string): { service: model.MicroService } {
    return this.read(() => services.getService(this.core, ctx, serviceId))
  }

  /** `DELETE /registry/microservices/{serviceId}?force=`. */
  deleteService(ctx: RequestContext, serviceId: string, opts?: { force?: boolean }): Promise<void> {
    return this.write(() => deleteService(this.core, ctx, serviceId, opts))
  }

  /** `DELETE /registry/microservices`; the profile decides the answer's shape. */
  deleteServices(
    ctx: RequestContext,
    body: { serviceIds: string[]; force?: boolean },
  ): Promise<model.DeleteServicesResponse | undefined> {
    return this.write(() => deleteServices(this.core, ctx, body))
  }

  /** `PUT /registry/microservices/{serviceId}/properties`. */
  updateServiceProperties(
    ctx: RequestContext,
    serviceId: string,
    properties: Record<string, string> | undefined,
  ): Promise<void> {
    return this.write(() => services.updateServiceProperties(this.core, ctx, serviceId, properties))
  }

  /** `POST …/tags`: replaces the tag set. */
  setTags(ctx: RequestContext, serviceId: string, values: Record<string, string>): Promise<void> {
    return this.write(() => tags.setTags(this.core, ctx, serviceId, values))
  }

  /** `GET …/tags`. */
  getTags(ctx: RequestContext, serviceId: string): { tags?: Record<string, string> } {
    return this.read(() => tags.getTags(this.core, ctx, serviceId))
  }

  /** `PUT …/tags/{key}?value=`. */
  updateTag(ctx: RequestContext, serviceId: string, key: string, value: string): Promise<void> {
    return this.write(() => tags.updateTag(this.core, ctx, serviceId, key, value))
  }

  /** `DELETE …/tags/{keys}`. */
  deleteTags(ctx: RequestContext, serviceId: string, keys: string[]): Promise<void> {
    return this.write(() => tags.deleteTags(this.core, ctx, serviceId, keys))
  }

  /** `GET …/schemas?withSchema=`. */
  listSchemas(
    ctx: RequestContext,
    serviceId: string,
    withSchema: boolean,
  ): { schemas?: model.Schema[] } {
    return this.read(() => schemas.listSchemas(this.core, ctx, serviceId, withSchema))
  }

  /** `POST …/schemas`: replaces the schema set. */
  putSchemas(ctx: RequestContext, serviceId: string, list: model.Schema[]): Promise<void> {
    return this.write(() => schemas.putSchemas(this.core, ctx, serviceId, list))
  }

  /** `GET …/schemas/{schemaId}`. */
  getSchema(
    ctx: RequestContext,
    serviceId: string,
    schemaId: string,
  ): { schema?: string; summary?: string } {
    return this.read(() => schemas.getSchema(this.core, ctx, serviceId, schemaId))
  }

  /** `PUT …/schemas/{schemaId}`. */
  putSchema(
    ctx: RequestContext,
    serviceId: string,
    schemaId: string,
    body: { schema: string; summary?: string },
  ): Promise<void> {
    return this.write(() => schemas.putSchema(this.core, ctx, serviceId, schemaId, body))
  }

  /** `DELETE …/schemas/{schemaId}`. */
  deleteSchema(ctx: RequestContext, serviceId: string, schemaId: string): Promise<void> {
    return this.write(() => schemas.deleteSchema(this.core, ctx, serviceId, schemaId))
  }
}
