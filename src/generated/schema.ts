/**
 * Generated from spec/cse-registry.yaml by scripts/generate.ts (npm run generate).
 * Do not edit by hand: change the spec and regenerate.
 */

export interface paths {
    "/v4/{project}/registry/version": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        /**
         * Get the registry version
         * @description Build information of the registry. Never requires a token.
         */
        get: operations["getVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/health": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        /**
         * Check the registry health
         * @description Lists the registry's own instances. Never requires a token.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the registry version (root path)
         * @description The version at the root path, which Service Center keeps from its v3 API: the same
         *     build information with `apiVersion` `3.0.0`. Never requires a token.
         */
        get: operations["getRootVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the registry health (root path)
         * @description The health check at the root path, kept from the v3 API; the same answer as `getHealth`.
         */
        get: operations["getRootHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/existence": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        /**
         * Check whether a microservice or a contract exists
         * @description `type=microservice` looks a service up by `env`, `appId`, `serviceName` (or alias) and
         *     `version` and returns its ID; `appId`, `serviceName` and `version` are required in this
         *     mode and `appId` has no default. `type=schema` checks a contract of a service by
         *     `serviceId` and `schemaId` (both required) and also returns its summary in
         *     `X-Schema-Summary`.
         *
         *     What `version` means depends on the profile: a version rule in `cse`, an exact version
         *     in `servicecomb`. Errors: `400012` no such service, `400026` the service name exists
         *     but the version does not, `400016` no such contract.
         */
        get: operations["checkExistence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/microservices": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        /**
         * List microservices
         * @description All services of the tenant; `{}` when there are none. No filters are implemented.
         */
        get: operations["listServices"];
        put?: never;
        /**
         * Create a microservice
         * @description Creates the static record of a microservice, optionally with tags and instances.
         *     Creating a key (environment, appId, serviceName, version) that already exists returns
         *     the existing ID without updating anything; a supplied `serviceId` that conflicts with
         *     another key gives `400010`. Quota: 50 000 services per tenant (`400100`).
         */
        post: operations["createService"];
        /**
         * Delete several microservices
         * @description Deletes every listed service as `deleteService` would, with the same `force` flag.
         *     How failures are reported depends on the profile.
         */
        delete: operations["deleteServices"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/microservices/{serviceId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        /** Get a microservice */
        get: operations["getService"];
        put?: never;
        post?: never;
        /**
         * Delete a microservice
         * @description Removes the service with its tags, contracts, dependency rules and all its instances
         *     (watchers get `DELETE`). Unless forced, a service with consumers other than itself
         *     (`400023`) or with instances (`400013`) is kept. The registry's own service cannot be
         *     deleted (`400001`).
         */
        delete: operations["deleteService"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/microservices/{serviceId}/properties": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Replace the properties of a microservice
         * @description Replaces the whole properties map (send every key) and updates `modTimestamp`. Body at most 3 KiB.
         */
        put: operations["updateServiceProperties"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/microservices/{serviceId}/tags": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        /** Get the tags of a microservice */
        get: operations["getTags"];
        put?: never;
        /**
         * Replace the tags of a microservice
         * @description Replaces the whole tag set; an empty map clears it. At most 100 tags (`400100`).
         */
        post: operations["setTags"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/microservices/{serviceId}/tags/{key}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Change the value of one tag
         * @description The tag must already exist (`400018`).
         */
        put: operations["updateTag"];
        post?: never;
        /**
         * Delete tags
         * @description Deletes the listed keys. If any key is missing nothing is deleted (`400018`).
         */
        delete: operations["deleteTags"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/microservices/{serviceId}/schemas": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        /** List the contracts of a microservice */
        get: operations["listSchemas"];
        put?: never;
        /**
         * Replace all contracts of a microservice
         * @description Replaces the service's whole contract set: listed contracts are written, the others
         *     removed. Any invalid entry gives `400001`. Editing may be disabled on the engine
         *     (`403001`).
         */
        post: operations["putSchemas"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/microservices/{serviceId}/schemas/{schemaId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description Contract ID (1–160 characters; letters and digits, with `_`, `-` and `.` inside).
                 * @example orderEndpoint
                 */
                schemaId: components["parameters"]["SchemaId"];
            };
            cookie?: never;
        };
        /**
         * Get a contract
         * @description Unknown service gives `400012`, unknown contract `400016`.
         */
        get: operations["getSchema"];
        /**
         * Create or replace one contract
         * @description Writes the contract and adds its ID to `service.schemas` when new (at most 100 per
         *     service, `400100`). Editing may be disabled on the engine (`403001`).
         */
        put: operations["putSchema"];
        post?: never;
        /**
         * Delete a contract
         * @description Unknown contract gives `400016`.
         */
        delete: operations["deleteSchema"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/microservices/{serviceId}/instances": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        /**
         * List the instances of a microservice
         * @description Instances of every status. With `X-ConsumerId` the consumer must exist and the
         *     provider must be visible to it; an unknown consumer or provider, or a provider removed by
         *     the tag or access filters, gives `400012`.
         */
        get: operations["listInstances"];
        put?: never;
        /**
         * Register an instance
         * @description Registers an instance of the service in the path and starts its lease (see
         *     `HealthCheck`). `serviceId` and `version` in the body are replaced by the path and the
         *     service's version; `status` defaults to `UP`. Unknown service gives `400012`; quota
         *     150 000 instances per tenant (`400100`). The body may be at most 5 KiB.
         *
         *     What a re-registration does depends on the profile.
         */
        post: operations["registerInstance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/microservices/{serviceId}/instances/{instanceId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description Instance ID (1–64 characters out of letters, digits, `_`, `.` and `-`).
                 * @example 8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b
                 */
                instanceId: components["parameters"]["InstanceId"];
            };
            cookie?: never;
        };
        /**
         * Get an instance
         * @description Unknown consumer or provider gives `400012`; an unknown instance, or one hidden by the
         *     tag or access filters, gives `400017`.
         */
        get: operations["getInstance"];
        put?: never;
        post?: never;
        /**
         * Deregister an instance
         * @description Unknown pair of service and instance gives `400017`. Watchers get `DELETE`.
         */
        delete: operations["deregisterInstance"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/microservices/{serviceId}/instances/{instanceId}/status": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description Instance ID (1–64 characters out of letters, digits, `_`, `.` and `-`).
                 * @example 8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b
                 */
                instanceId: components["parameters"]["InstanceId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Change the status of an instance
         * @description Rewrites the instance (new `modTimestamp` and revision, watchers get `UPDATE`) without
         *     renewing its lease. Unknown instance gives `400017`.
         */
        put: operations["updateInstanceStatus"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/microservices/{serviceId}/instances/{instanceId}/properties": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description Instance ID (1–64 characters out of letters, digits, `_`, `.` and `-`).
                 * @example 8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b
                 */
                instanceId: components["parameters"]["InstanceId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Replace the properties of an instance
         * @description Replaces the whole properties map (configured inner properties are added back). Same
         *     effects as a status change. Body at most 3 KiB.
         */
        put: operations["updateInstanceProperties"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/microservices/{serviceId}/instances/{instanceId}/heartbeat": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description Instance ID (1–64 characters out of letters, digits, `_`, `.` and `-`).
                 * @example 8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b
                 */
                instanceId: components["parameters"]["InstanceId"];
            };
            cookie?: never;
        };
        /**
         * Keep an instance alive over a websocket
         * @description Websocket upgrade (Service Center 2.0 and later). After `101 Switching Protocols` the
         *     server pings periodically and every pong from the client counts as a heartbeat. An
         *     unknown instance is closed with close code 4001. A plain GET without the upgrade
         *     headers is answered with 400.
         */
        get: operations["heartbeatWebSocket"];
        /**
         * Send a heartbeat
         * @description Renews the lease to its full length. Changes neither `modTimestamp` nor the revision.
         *     Unknown or expired instance gives `400017`.
         */
        put: operations["heartbeat"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/heartbeats": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Send heartbeats for several instances
         * @description Renews the leases of all listed instances. An empty or missing list gives `400001`.
         *     The shape of the answer depends on the profile.
         */
        put: operations["heartbeats"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/instances": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        /**
         * Find the instances of a provider
         * @description Looks the provider up by environment, `appId` and `serviceName` (names first, then
         *     aliases) and returns the instances of every status. No such provider gives `400012`; a
         *     provider without instances, or removed by the tag or access filters, gives `{}`.
         *
         *     With `X-ConsumerId` the consumer must exist (`400012`), its environment replaces `env`,
         *     providers of other applications are hidden unless their `allowCrossApp` property is
         *     `true`, and a dependency consumer → provider is recorded.
         *
         *     How `version` is used depends on the profile; the parameter is optional here so that
         *     both behaviours validate.
         */
        get: operations["findInstances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/instances/action": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find instances in batches
         * @description Runs several provider lookups (like `findInstances`, without tags and without alias
         *     fallback) and instance lookups (like `getInstance`) in one call. Each entry lands in
         *     `updated` (with its new `rev`), `notModified` (its `rev` is current) or `failed`
         *     (grouped by error code). Internal errors fail the whole call. At least one list must be
         *     non-empty (`400001`).
         */
        post: operations["batchFindInstances"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/instances/status": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Change the status of instances by properties
         * @description Sets `status` on every instance of the tenant whose properties contain all pairs of
         *     `matches.properties` (Service Center 2.2 and later). Service Center stores any status
         *     text here; the mock takes only the instance statuses (`UP`, `DOWN`, `STARTING`,
         *     `TESTING`, `OUTOFSERVICE`) and answers `400001` for anything else, so no instance is left
         *     with a status clients cannot read back.
         */
        put: operations["updateInstancesStatus"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/microservices/{serviceId}/watcher": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        /**
         * Watch the instances of the providers of a consumer
         * @description Websocket upgrade. `serviceId` is the **watching consumer**. After `101 Switching
         *     Protocols` the server pushes one text frame per instance change of every provider the
         *     consumer depends on; each frame is a JSON `WatchEvent`
         *     (`{"action": "CREATE|UPDATE|DELETE|EXPIRE", "key": {...}, "instance": {...}}`, schema in
         *     `x-cse-mock-frame`). An expired lease arrives as `DELETE`.
         *
         *     The server pings every 30 s and closes the connection when nothing arrives for 120 s;
         *     text sent by the client is ignored. An unknown consumer gets one text frame with an
         *     error message, then the connection closes. A plain GET without the upgrade headers is
         *     answered with 400.
         */
        get: operations["watch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/microservices/{consumerId}/providers": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description ID of the consumer microservice (1–64 characters, no whitespace).
                 * @example 9a3e5c7b1d2f4a6e8c0b2d4f6a8c0e2b4d6f8a01
                 */
                consumerId: components["parameters"]["ConsumerIdPath"];
            };
            cookie?: never;
        };
        /**
         * List the providers of a consumer
         * @description Every existing service matching one of the consumer's recorded provider rules. Unknown consumer gives `400012`.
         */
        get: operations["listProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/microservices/{providerId}/consumers": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description ID of the provider microservice (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                providerId: components["parameters"]["ProviderIdPath"];
            };
            cookie?: never;
        };
        /**
         * List the consumers of a provider
         * @description Consumers recorded against the provider's environment, application and name (any provider version). Unknown provider gives `400012`.
         */
        get: operations["listConsumers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/registry/dependencies": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Overwrite dependencies explicitly
         * @deprecated
         * @description Deprecated: discovery with `X-ConsumerId` records dependencies by itself. Replaces the
         *     provider list of each consumer (it may be empty). Same errors as `addDependencies`.
         */
        put: operations["putDependencies"];
        /**
         * Add dependencies explicitly
         * @deprecated
         * @description Deprecated: discovery with `X-ConsumerId` records dependencies by itself. Adds providers
         *     to each consumer. The consumer must exist with exactly the given key (`400012`);
         *     duplicate providers give `400001`.
         */
        post: operations["addDependencies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/govern/apps": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        /**
         * List the applications
         * @description The appIds of the tenant's services in one environment (`env`; absent means the
         *     default environment: empty for Service Center), sorted. `{}` when there are none.
         */
        get: operations["listApps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/govern/microservices": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        /**
         * List the services with details
         * @description Every service of the tenant with the details `options` asks for, filtered by `appId`,
         *     `serviceName`, `env` and `property`. The overview leaves out each service's `schemas`
         *     list and its instances' `properties`. With only `options=statistics` the answer is the
         *     counts alone. `{}` when nothing matches.
         */
        get: operations["listServiceDetails"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/govern/microservices/{serviceId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        /**
         * Get one service with everything about it
         * @description The service, its instances, contracts (with their text), providers, consumers, tags and
         *     the versions of every service with its environment, appId and name.
         */
        get: operations["getServiceDetail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/govern/relations": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        /**
         * Get the dependency graph
         * @description Every service as a node and a line from each consumer to each of its providers (a
         *     line's `to` carries only the provider's `id` and `name`). Empty lists are `null`, as Go
         *     writes nil slices; `circles` is always `null`.
         */
        get: operations["getRelations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/{project}/govern/statistics": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        /**
         * Count services, instances and applications
         * @description Services are counted by name (versions count once) and as online when one of their
         *     versions has an instance; the shared SERVICECENTER is never counted. Zero counts are
         *     left out, the three objects never.
         */
        get: operations["getStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a token
         * @description Issues a token for `Authorization: Bearer`. Wrong name or password gives `401202`
         *     (`401302` while authentication is only partly enabled); too many failures from one
         *     address block the account for about 15 minutes (`403201`); a bad duration gives
         *     `400001`.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List accounts
         * @description Every account without its password. Needs `account:get` (the built-in `admin` role).
         */
        get: operations["listAccounts"];
        put?: never;
        /**
         * Create an account
         * @description Creates an account with 1–5 existing roles. The name follows the registry's name rule
         *     (1–64 characters); the password has 8–32 characters with an upper-case and a
         *     lower-case letter, a digit and a special character, and is neither the name nor the
         *     name reversed. An unknown role gives `400202`, a taken name `409200`.
         */
        post: operations["createAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/accounts/batch-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create up to 20 accounts
         * @description Creates each account as `createAccount` does and reports each outcome; an account
         *     without a password gets a generated one.
         */
        post: operations["batchCreateAccounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/accounts/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Account name.
                 * @example dev-peter
                 */
                name: components["parameters"]["AccountName"];
            };
            cookie?: never;
        };
        /**
         * Get an account
         * @description The account without its password; `400200` when it does not exist.
         */
        get: operations["getAccount"];
        /**
         * Change an account's roles or status
         * @description Replaces the roles (1–5, each must exist) and/or the status (`active` or `inactive`).
         *     `root` cannot be changed (`403202`), nor the caller's own account (`403204`).
         */
        put: operations["updateAccount"];
        post?: never;
        /**
         * Delete an account
         * @description Deletes the account; its tokens then get `401206`. `root` (`403202`) and the caller's
         *     own account (`403204`) cannot be deleted.
         */
        delete: operations["deleteAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/accounts/{name}/password": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Account name.
                 * @example dev-peter
                 */
                name: components["parameters"]["AccountName"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change a password
         * @description An account changes its own password with `currentPassword` (a wrong one gives `401207`
         *     and counts as a failed login); an `admin` sets anyone's without it. Others get
         *     `403001`. Needs no permission beyond a valid token.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/account-locks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List login-failure locks
         * @description One entry per account name and client address with failed logins: `attempted`
         *     (kept 20 minutes) or `banned` (released after 15 minutes). Needs `account:get`.
         */
        get: operations["listAccountLocks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/self-perms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's permissions
         * @description The permissions of every role of the token's account; needs only a valid token.
         */
        get: operations["listSelfPerms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List roles
         * @description The built-in `admin` and `developer` roles and every custom role. Needs `role:get`.
         */
        get: operations["listRoles"];
        put?: never;
        /**
         * Create a role
         * @description A role grants verbs (`get`, `create`, `update`, `delete` or `*`) on resources
         *     (`service`, `service/schema`, `governance`, `config`, `account`, `role`, `ops`),
         *     optionally only for services with the given `environment`, `appId` and `serviceName`
         *     labels. A taken name gives `409201`.
         */
        post: operations["createRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/roles/{roleName}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Role name.
                 * @example service-reader
                 */
                roleName: components["parameters"]["RoleName"];
            };
            cookie?: never;
        };
        /**
         * Get a role
         * @description The role; `400201` when it does not exist.
         */
        get: operations["getRole"];
        /**
         * Replace a role's permissions
         * @description Replaces `perms`; the built-in roles cannot be changed (`403203`). Tokens carry role
         *     names, so the new permissions apply to tokens already issued.
         */
        put: operations["updateRole"];
        post?: never;
        /**
         * Delete a role
         * @description Deletes a custom role; the built-in roles give `403203`, a role some account still has
         *     `400205`.
         */
        delete: operations["deleteRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description An account as the registry returns it, never with its password.
         * @example {
         *       "id": "6a5d3ff0-7c3e-4a4b-9f69-0b0d4c1f2e10",
         *       "name": "root",
         *       "roles": [
         *         "admin"
         *       ],
         *       "status": "active",
         *       "createTime": "1733100000",
         *       "updateTime": "1733100000"
         *     }
         */
        Account: {
            id?: string;
            name?: string;
            roles?: string[];
            /** @description `active` (default) or `inactive`. */
            status?: string;
            /** @description Unix seconds, as a string. */
            createTime?: string;
            /** @description Unix seconds, as a string. */
            updateTime?: string;
        };
        /**
         * @description An account to create, or the roles and status to set. The registry checks the fields
         *     itself (see `createAccount`), so none is required here.
         * @example {
         *       "name": "dev-peter",
         *       "password": "Dev#Pa55word",
         *       "roles": [
         *         "developer"
         *       ]
         *     }
         */
        AccountRequest: {
            name?: string;
            password?: string;
            roles?: string[];
            status?: string;
        };
        /**
         * @example {
         *       "total": 1,
         *       "data": [
         *         {
         *           "name": "root",
         *           "roles": [
         *             "admin"
         *           ],
         *           "status": "active"
         *         }
         *       ]
         *     }
         */
        AccountsResponse: {
            total?: number;
            data?: components["schemas"]["Account"][];
        };
        /**
         * @example {
         *       "accounts": [
         *         {
         *           "name": "dev-anna",
         *           "password": "Dev#Pa55word",
         *           "roles": [
         *             "developer"
         *           ]
         *         }
         *       ]
         *     }
         */
        BatchCreateAccountsRequest: {
            accounts?: components["schemas"]["AccountRequest"][];
        };
        /**
         * @example {
         *       "accounts": [
         *         {
         *           "name": "dev-anna"
         *         },
         *         {
         *           "name": "root",
         *           "errorCode": "409200",
         *           "errorMessage": "account name is duplicated",
         *           "detail": "account is duplicated"
         *         }
         *       ]
         *     }
         */
        BatchCreateAccountsResponse: {
            accounts?: {
                name?: string;
                errorCode?: string;
                errorMessage?: string;
                detail?: string;
            }[];
        };
        /**
         * @example {
         *       "currentPassword": "Dev#Pa55word",
         *       "password": "Dev#Pa55word2"
         *     }
         */
        ChangePasswordRequest: {
            /** @description Required when changing one's own password. */
            currentPassword?: string;
            /** @description The new password (same rule as at creation). */
            password?: string;
        };
        /**
         * @example {
         *       "key": "dev-peter::10.0.0.7",
         *       "status": "banned",
         *       "releaseAt": 1733100900
         *     }
         */
        AccountLock: {
            /** @description `<account name>::<client address>`. */
            key?: string;
            /** @description `attempted` or `banned`. */
            status?: string;
            /** @description Unix seconds when the lock ends. */
            releaseAt?: number;
        };
        /**
         * @example {
         *       "total": 0
         *     }
         */
        AccountLocksResponse: {
            total?: number;
            data?: components["schemas"]["AccountLock"][];
        };
        /**
         * @description Verbs granted on resources.
         * @example {
         *       "resources": [
         *         {
         *           "type": "service",
         *           "labels": {
         *             "appId": "shop"
         *           }
         *         }
         *       ],
         *       "verbs": [
         *         "get"
         *       ]
         *     }
         */
        Permission: {
            resources?: components["schemas"]["PermissionResource"][];
            verbs?: string[];
        };
        /**
         * @example {
         *       "type": "service",
         *       "labels": {
         *         "serviceName": "cart"
         *       }
         *     }
         */
        PermissionResource: {
            /** @description `service`, `service/schema`, `governance`, `config`, `account`, `role` or `ops`. */
            type?: string;
            /**
             * @description Only for `service`: limits the permission to services whose `environment`,
             *     `appId` and `serviceName` equal these.
             */
            labels?: {
                [key: string]: string;
            };
        };
        /**
         * @example {
         *       "name": "service-reader",
         *       "perms": [
         *         {
         *           "resources": [
         *             {
         *               "type": "service"
         *             }
         *           ],
         *           "verbs": [
         *             "get"
         *           ]
         *         }
         *       ]
         *     }
         */
        Role: {
            id?: string;
            name?: string;
            perms?: components["schemas"]["Permission"][];
            createTime?: string;
            updateTime?: string;
        };
        /**
         * @example {
         *       "total": 1,
         *       "data": [
         *         {
         *           "name": "admin"
         *         }
         *       ]
         *     }
         */
        RolesResponse: {
            total?: number;
            data?: components["schemas"]["Role"][];
        };
        /**
         * @example {
         *       "perms": [
         *         {
         *           "resources": [
         *             {
         *               "type": "service"
         *             }
         *           ],
         *           "verbs": [
         *             "*"
         *           ]
         *         }
         *       ]
         *     }
         */
        SelfPermsResponse: {
            perms?: components["schemas"]["Permission"][];
        };
        /**
         * @description Exact version: one to four dot-separated decimal numbers, each between 0 and 32767
         *     (the range is checked by the registry, the pattern only checks the shape). Compared
         *     numerically segment by segment, identity is the literal string.
         * @example 1.0.0
         */
        Version: string;
        /**
         * @description Version rule: an exact version (`1.2.3`), `latest`, an open range (`1.2+`, all versions
         *     from 1.2 up) or a half-open range (`1.2-2.0`, 1.2 inclusive to 2.0 exclusive). Each
         *     segment must be between 0 and 32767. Remember to URL-encode `+` as `%2B` in queries.
         * @example 1.0.0+
         */
        VersionRule: string;
        /**
         * @description Error envelope of every business error. The HTTP status is `errorCode / 1000`.
         * @example {
         *       "errorCode": "400012",
         *       "errorMessage": "Micro-service does not exist",
         *       "detail": "Service does not exist."
         *     }
         */
        Error: {
            /** @description Six-digit code, sent as a JSON string (for example `"400012"`). */
            errorCode: string;
            /** @description Fixed text registered for the code. */
            errorMessage: string;
            /** @description Free-text detail, often the validator message; omitted when empty. */
            detail?: string;
        };
        /** @description Development framework that registered the service. */
        FrameworkProperty: {
            /** @example servicecomb-java-chassis */
            name?: string;
            /** @example 2.8.3 */
            version?: string;
        };
        /**
         * @description A route exposed by the service. SC's own API document spells the fields `Path` and
         *     `Property`; input names are case-insensitive and output uses lower case.
         */
        ServicePath: {
            /** @example /orders/{id} */
            path?: string;
            property?: {
                [key: string]: string;
            };
        };
        /**
         * @description Identity of a service (also called dependency key). In watch events it carries the
         *     `tenant` (`domain/project`). In dependency provider entries `appId` may be left out
         *     and defaults to the consumer's application; a left-out `environment` is the default
         *     environment (empty in the `servicecomb` profile), not the consumer's.
         * @example {
         *       "tenant": "default/default",
         *       "environment": "production",
         *       "appId": "shop",
         *       "serviceName": "orders",
         *       "version": "1.2.0"
         *     }
         */
        MicroServiceKey: {
            /** @description Tenant as `domain/project`; present in watch events only. */
            tenant?: string;
            environment?: string;
            appId?: string;
            /** @description Service name, or an alias where the operation accepts one. */
            serviceName: string;
            /**
             * @description Exact version in events and consumer keys; a version rule where the `cse` profile
             *     accepts one (batch find). Ignored in provider entries and, in the `servicecomb`
             *     profile, in batch find.
             */
            version?: components["schemas"]["VersionRule"];
            alias?: string;
        };
        /**
         * @description Static record of a microservice. Identity key: (tenant, `environment`, `appId`,
         *     `serviceName`, `version`). On creation only `serviceName` is required (see
         *     `CreateServiceRequest`); in responses every field is optional because empty values
         *     are omitted.
         * @example {
         *       "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
         *       "environment": "production",
         *       "appId": "shop",
         *       "serviceName": "orders",
         *       "version": "1.2.0",
         *       "level": "BACK",
         *       "status": "UP",
         *       "schemas": [
         *         "orderEndpoint"
         *       ],
         *       "properties": {
         *         "allowCrossApp": "false"
         *       },
         *       "framework": {
         *         "name": "servicecomb-java-chassis",
         *         "version": "2.8.3"
         *       },
         *       "registerBy": "SDK",
         *       "timestamp": "1723540000",
         *       "modTimestamp": "1723540000"
         *     }
         */
        MicroService: {
            /**
             * @description Generated when absent (40 hexadecimal characters in SC). A supplied ID must not be
             *     in use by another service key.
             */
            serviceId?: string;
            /**
             * @description Part of the identity key. One of `development`, `testing`, `acceptance`,
             *     `production`, or empty. The default differs between profiles (see
             *     `x-cse-mock-profiles` on this schema).
             */
            environment?: string;
            /**
             * @description Application the service belongs to; part of the identity key.
             * @default default
             */
            appId?: string;
            /** @description Service name; part of the identity key. Required on creation. */
            serviceName?: string;
            /**
             * @description Exact version; part of the identity key.
             * @default 0.0.1
             */
            version?: components["schemas"]["Version"];
            description?: string;
            /**
             * @default BACK
             * @enum {string}
             */
            level?: "FRONT" | "MIDDLE" | "BACK";
            /** @description IDs of the contracts of this service, maintained by the schema operations. */
            schemas?: string[];
            paths?: components["schemas"]["ServicePath"][];
            /**
             * @description Informational only; discovery does not filter on it.
             * @default UP
             * @enum {string}
             */
            status?: "UP" | "DOWN";
            /** @description Free key/value pairs. `allowCrossApp` = `true` lets consumers of other applications discover it. */
            properties?: {
                [key: string]: string;
            };
            /** @description Second name; discovery and existence checks fall back to aliases. */
            alias?: string;
            registerBy?: string;
            framework?: components["schemas"]["FrameworkProperty"];
            /** @description Creation time in Unix seconds as a decimal string; set by the server. */
            timestamp?: string;
            /** @description Last property change in Unix seconds as a decimal string; set by the server. */
            modTimestamp?: string;
            /** @description Legacy field, passed through unchanged. */
            providers?: components["schemas"]["MicroServiceKey"][];
            /** @description Legacy field, passed through unchanged. */
            LBStrategy?: {
                [key: string]: string;
            };
        };
        /**
         * @description How the registry decides that an instance is alive. The lease (TTL) lasts
         *     `interval × (times + 1)` seconds; without a health check the registry stores
         *     `{mode: push, interval: 30, times: 3}` (120 s).
         * @example {
         *       "mode": "push",
         *       "interval": 30,
         *       "times": 3
         *     }
         */
        HealthCheck: {
            /**
             * @description `push`: the client sends heartbeats. `pull`: interval and times are forced to 30 and 3.
             * @enum {string}
             */
            mode: "push" | "pull";
            port?: number;
            /** @description Seconds between heartbeats. */
            interval: number;
            /** @description Heartbeats that may be missed before the instance expires. */
            times?: number;
            url?: string;
        };
        /**
         * @description Location of the instance. When the object is present, all three fields are required.
         * @example {
         *       "name": "dc1",
         *       "region": "cn-north-4",
         *       "availableZone": "cn-north-4a"
         *     }
         */
        DataCenterInfo: {
            name: string;
            region: string;
            availableZone: string;
        };
        /**
         * @description A running copy of a microservice. On registration `hostName` is required (see
         *     `RegisterInstanceRequest`); in responses every field is optional because empty values
         *     are omitted (no empty `properties` object, for instance).
         * @example {
         *       "instanceId": "8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b",
         *       "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
         *       "version": "1.2.0",
         *       "hostName": "orders-7d9f8",
         *       "endpoints": [
         *         "rest://10.0.0.5:8080"
         *       ],
         *       "status": "UP",
         *       "healthCheck": {
         *         "mode": "push",
         *         "interval": 30,
         *         "times": 3
         *       },
         *       "timestamp": "1723540000",
         *       "modTimestamp": "1723540000"
         *     }
         */
        MicroServiceInstance: {
            /**
             * @description Generated when empty (32 lowercase hexadecimal characters). A supplied ID is kept;
             *     see `registerInstance` for what re-registering it does.
             */
            instanceId?: string;
            /** @description Owning service. Ignored on input (the path parameter wins). */
            serviceId?: string;
            /** @description Version of the owning service. Ignored on input (set by the server). */
            version?: string;
            /** @description Host name; must contain at least one non-blank character. */
            hostName?: string;
            /**
             * @description Access addresses such as `rest://10.0.0.1:8080`; each must contain a non-blank
             *     character. Whether the list is mandatory depends on the profile (see
             *     `RegisterInstanceRequest`).
             */
            endpoints?: string[];
            /**
             * @description `TESTING` is only offered by newer Huawei engines. Discovery returns instances of every status.
             * @default UP
             * @enum {string}
             */
            status?: "UP" | "DOWN" | "STARTING" | "TESTING" | "OUTOFSERVICE";
            /** @description Free key/value pairs; the server may add configured inner properties. */
            properties?: {
                [key: string]: string;
            };
            healthCheck?: components["schemas"]["HealthCheck"];
            dataCenterInfo?: components["schemas"]["DataCenterInfo"];
            /** @description Registration time in Unix seconds as a decimal string; set by the server. */
            timestamp?: string;
            /** @description Last status or properties change in Unix seconds as a decimal string; set by the server. */
            modTimestamp?: string;
        };
        /**
         * @description A contract of a service. `summary` is typically a hash of the contract text.
         * @example {
         *       "schemaId": "orderEndpoint",
         *       "summary": "3f2a9c1d"
         *     }
         */
        Schema: {
            schemaId: string;
            summary?: string;
            /** @description Contract text, usually a Swagger or OpenAPI document. */
            schema?: string;
        };
        /**
         * @description Body of `createService`. Defaults are applied before validation: `appId` `default`,
         *     `version` `0.0.1`, `level` `BACK`, `status` `UP`. `tags` and `instances` are applied
         *     after the service exists; if one of them fails the call returns 400 `400001` but the
         *     service stays created.
         * @example {
         *       "service": {
         *         "appId": "shop",
         *         "serviceName": "orders",
         *         "version": "1.2.0",
         *         "environment": "production",
         *         "level": "BACK"
         *       },
         *       "tags": {
         *         "team": "checkout"
         *       }
         *     }
         */
        CreateServiceRequest: {
            service: WithRequired<components["schemas"]["MicroService"], "serviceName">;
            tags?: components["schemas"]["TagMap"];
            /** @description Instances to register right away, each as in `registerInstance`. */
            instances?: WithRequired<components["schemas"]["MicroServiceInstance"], "hostName">[];
            /** @description Black/white-list rules. Only the `cse` generation had this API; Service Center 2.1+ ignores the field. */
            rules?: {
                [key: string]: unknown;
            }[];
        };
        /**
         * @example {
         *       "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14"
         *     }
         */
        CreateServiceResponse: {
            /** @description ID of the new service, or of the existing service with the same key. */
            serviceId?: string;
        };
        /** @description Service tags. Keys and values must both start with a letter (1–64 characters); at most 100 entries. */
        TagMap: {
            [key: string]: string;
        };
        /** @description Body of `registerInstance`; the body may be at most 5 KiB. */
        RegisterInstanceRequest: {
            instance: WithRequired<components["schemas"]["MicroServiceInstance"], "hostName">;
        };
        /**
         * @example {
         *       "instanceId": "8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b"
         *     }
         */
        RegisterInstanceResponse: {
            instanceId?: string;
        };
        /** @description One instance in a batch heartbeat. */
        HeartbeatSetElement: {
            serviceId: string;
            instanceId: string;
        };
        /**
         * @description Body of `heartbeats`. SC's own API document spells the key `Instances`; both spellings
         *     work because input names are case-insensitive. Duplicate pairs are processed once.
         * @example {
         *       "instances": [
         *         {
         *           "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
         *           "instanceId": "8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b"
         *         }
         *       ]
         *     }
         */
        HeartbeatSetRequest: {
            instances: components["schemas"]["HeartbeatSetElement"][];
        };
        /** @description Outcome for one instance of a batch heartbeat; `errMessage` only on failure. */
        InstanceHbResult: {
            serviceId?: string;
            instanceId?: string;
            errMessage?: string;
        };
        /**
         * @description Per-instance results of a batch heartbeat (`servicecomb` profile); order is not guaranteed.
         * @example {
         *       "instances": [
         *         {
         *           "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
         *           "instanceId": "8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b"
         *         },
         *         {
         *           "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
         *           "instanceId": "0c9e7a5b3d1f4e2a8b6c4d2e0f1a3b5c",
         *           "errMessage": "Instance does not exist."
         *         }
         *       ]
         *     }
         */
        HeartbeatSetResponse: {
            instances?: components["schemas"]["InstanceHbResult"][];
        };
        /** @description Provider to look up in a batch find. */
        FindServiceKey: WithRequired<components["schemas"]["MicroServiceKey"], "appId" | "serviceName">;
        /** @description One provider query of a batch find, with the revision the client last saw. */
        FindService: {
            service: components["schemas"]["FindServiceKey"];
            /** @description Last revision seen; any non-matching value (for example `0`) returns the full result. */
            rev?: string;
        };
        /** @description Instance to look up in a batch find. */
        FindInstanceKey: {
            serviceId: string;
            instanceId: string;
        };
        /** @description One instance query of a batch find, with the revision the client last saw. */
        FindInstance: {
            instance: components["schemas"]["FindInstanceKey"];
            rev?: string;
        };
        /**
         * @description Body of `batchFindInstances`. At least one of the two lists must be non-empty.
         * @example {
         *       "services": [
         *         {
         *           "service": {
         *             "environment": "production",
         *             "appId": "shop",
         *             "serviceName": "orders",
         *             "version": "latest"
         *           },
         *           "rev": "0"
         *         }
         *       ]
         *     }
         */
        BatchFindRequest: {
            services?: components["schemas"]["FindService"][];
            instances?: components["schemas"]["FindInstance"][];
        };
        /**
         * @description A query whose result changed. `index` (position in the request list) and `rev` are
         *     always present, even when `index` is 0; `instances` is omitted when empty.
         */
        FindResult: {
            index: number;
            rev: string;
            instances?: components["schemas"]["MicroServiceInstance"][];
        };
        /** @description Queries that failed with the same error code, grouped. */
        FindFailedResult: {
            indexes: number[];
            error: components["schemas"]["Error"];
        };
        /** @description Results of one request list, split by outcome. */
        BatchFindResult: {
            updated?: components["schemas"]["FindResult"][];
            /** @description Indexes whose `rev` equals the current revision. */
            notModified?: number[];
            failed?: components["schemas"]["FindFailedResult"][];
        };
        /** @description A part is omitted when its request list was empty. */
        BatchFindResponse: {
            services?: components["schemas"]["BatchFindResult"];
            instances?: components["schemas"]["BatchFindResult"];
        };
        /**
         * @description Text frame (JSON) pushed on the `watch` websocket for every instance change of a
         *     provider the watching consumer depends on. An expired lease arrives as `DELETE`;
         *     `EXPIRE` asks the consumer to query again and is rarely sent.
         * @example {
         *       "action": "CREATE",
         *       "key": {
         *         "tenant": "default/default",
         *         "environment": "production",
         *         "appId": "shop",
         *         "serviceName": "orders",
         *         "version": "1.2.0"
         *       },
         *       "instance": {
         *         "instanceId": "8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b",
         *         "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
         *         "version": "1.2.0",
         *         "hostName": "orders-7d9f8",
         *         "endpoints": [
         *           "rest://10.0.0.5:8080"
         *         ],
         *         "status": "UP",
         *         "timestamp": "1723540000",
         *         "modTimestamp": "1723540000"
         *       }
         *     }
         */
        WatchEvent: {
            /** @enum {string} */
            action?: "CREATE" | "UPDATE" | "DELETE" | "EXPIRE";
            key?: components["schemas"]["MicroServiceKey"];
            instance?: components["schemas"]["MicroServiceInstance"];
        };
        /**
         * @description Body of `deleteServices`. Duplicate IDs are processed once.
         * @example {
         *       "serviceIds": [
         *         "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14"
         *       ],
         *       "force": true
         *     }
         */
        DeleteServicesRequest: {
            serviceIds: string[];
            /**
             * @description Also delete services that have instances or consumers.
             * @default false
             */
            force?: boolean;
        };
        /** @description Outcome for one service of a batch delete; `errMessage` only on failure. */
        DelServicesRspInfo: {
            serviceId?: string;
            errMessage?: string;
        };
        /**
         * @example {
         *       "services": [
         *         {
         *           "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14"
         *         }
         *       ]
         *     }
         */
        DeleteServicesResponse: {
            services?: components["schemas"]["DelServicesRspInfo"][];
        };
        /**
         * @example {
         *       "version": "2.2.0",
         *       "buildTag": "20240812",
         *       "goVersion": "go1.21.13",
         *       "os": "linux",
         *       "arch": "amd64",
         *       "apiVersion": "4.0.0"
         *     }
         */
        VersionResponse: {
            version?: string;
            buildTag?: string;
            goVersion?: string;
            os?: string;
            arch?: string;
            apiVersion?: string;
        };
        /**
         * @description A missing or empty name or password is not a malformed request: the registry answers
         *     `401202` as for wrong credentials.
         * @example {
         *       "name": "root",
         *       "password": "Secret-Pa55word",
         *       "tokenExpirationTime": "2h"
         *     }
         */
        TokenRequest: {
            name?: string;
            password?: string;
            /**
             * @description Lifetime as a Go duration between 15m and 24h.
             * @default 12h
             */
            tokenExpirationTime?: string;
        };
        /**
         * @example {
         *       "token": "eyJhbGciOiJSUzUxMiIsInR5cCI6IkpXVCJ9.eyJhY2NvdW50Ijoicm9vdCJ9.c2lnbmF0dXJl"
         *     }
         */
        TokenResponse: {
            /** @description JWT (RS512) carrying the account, its roles and the expiry. */
            token?: string;
        };
        ServiceResponse: {
            service?: components["schemas"]["MicroService"];
        };
        ServicesResponse: {
            services?: components["schemas"]["MicroService"][];
        };
        InstanceResponse: {
            instance?: components["schemas"]["MicroServiceInstance"];
        };
        InstancesResponse: {
            instances?: components["schemas"]["MicroServiceInstance"][];
        };
        /** @description `serviceId` for `type=microservice`; `serviceId` and `schemaId` for `type=schema`. */
        ExistenceResponse: {
            serviceId?: string;
            schemaId?: string;
        };
        /**
         * @description Replaces the whole properties map; an empty or missing map clears it. At most 3 KiB.
         * @example {
         *       "properties": {
         *         "region": "north"
         *       }
         *     }
         */
        PropertiesRequest: {
            properties?: {
                [key: string]: string;
            };
        };
        /** @description Replaces the whole tag set; an empty map clears all tags. */
        TagsRequest: {
            tags?: components["schemas"]["TagMap"];
        };
        TagsResponse: {
            tags?: {
                [key: string]: string;
            };
        };
        SchemasResponse: {
            schemas?: components["schemas"]["Schema"][];
        };
        /** @description Replaces the service's whole contract set; IDs not listed are removed. */
        PutSchemasRequest: {
            schemas: ({
                summary: string;
            } & WithRequired<components["schemas"]["Schema"], "schema" | "summary">)[];
        };
        PutSchemaRequest: {
            /** @description Contract text. */
            schema: string;
            summary?: string;
        };
        SchemaResponse: {
            schema?: string;
        };
        /**
         * @description Providers of one consumer. The consumer must exist with exactly this key; a provider's
         *     `appId` defaults to the consumer's and its version is always "all versions".
         */
        ConsumerDependency: {
            consumer: WithRequired<components["schemas"]["MicroServiceKey"], "appId" | "serviceName" | "version">;
            providers?: components["schemas"]["MicroServiceKey"][];
        };
        /** @description Body of `addDependencies`; every entry needs at least one provider. */
        AddDependenciesRequest: {
            dependencies: ({
                providers: components["schemas"]["MicroServiceKey"][];
            } & WithRequired<components["schemas"]["ConsumerDependency"], "providers">)[];
        };
        /** @description Body of `putDependencies`; the provider list of each consumer is overwritten and may be empty. */
        PutDependenciesRequest: {
            dependencies: components["schemas"]["ConsumerDependency"][];
        };
        ProvidersResponse: {
            providers?: components["schemas"]["MicroService"][];
        };
        ConsumersResponse: {
            consumers?: components["schemas"]["MicroService"][];
        };
        AppsResponse: {
            appIds?: string[];
        };
        /** @description Counts of a tenant; zero counts are left out. */
        Statistics: {
            services?: {
                count?: number;
                onlineCount?: number;
            };
            instances?: {
                count?: number;
                countByDomain?: number;
            };
            apps?: {
                count?: number;
            };
        };
        StatisticsResponse: {
            statistics?: components["schemas"]["Statistics"];
        };
        /** @description One service with the details asked for. */
        ServiceDetail: {
            microService?: components["schemas"]["MicroService"];
            instances?: components["schemas"]["MicroServiceInstance"][];
            schemaInfos?: components["schemas"]["Schema"][];
            providers?: components["schemas"]["MicroService"][];
            consumers?: components["schemas"]["MicroService"][];
            tags?: components["schemas"]["TagMap"];
            microServiceVersions?: string[];
            statics?: components["schemas"]["Statistics"];
        };
        ServiceDetailsResponse: {
            allServicesDetail?: components["schemas"]["ServiceDetail"][];
            statistics?: components["schemas"]["Statistics"];
        };
        ServiceDetailResponse: {
            service?: components["schemas"]["ServiceDetail"];
        };
        /** @description A service in the graph; every field is always written. */
        GraphNode: {
            id: string;
            name: string;
            appId: string;
            version: string;
            type: string;
            color: string;
            position: string;
        };
        Graph: {
            nodes: components["schemas"]["GraphNode"][] | null;
            lines: {
                from: components["schemas"]["GraphNode"];
                to: components["schemas"]["GraphNode"];
                type: string;
                color: string;
                descriptor: string;
            }[] | null;
            circles: {
                nodes?: components["schemas"]["GraphNode"][];
            }[] | null;
        };
        /**
         * @description Sets `status` on every instance of the tenant whose properties contain all given pairs. `status` must be one of the instance statuses.
         * @example {
         *       "matches": {
         *         "properties": {
         *           "zone": "blue"
         *         }
         *       },
         *       "status": "DOWN"
         *     }
         */
        UpdateInstancesStatusRequest: {
            matches?: {
                properties?: {
                    [key: string]: string;
                };
            };
            /** @enum {string} */
            status: "UP" | "DOWN" | "STARTING" | "TESTING" | "OUTOFSERVICE";
        };
    };
    responses: {
        /**
         * @description The route does not exist on this registry: Go's plain-text `404 page not found`
         *     (with `X-Content-Type-Options: nosniff`).
         */
        NoRoute: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /** @example 404 page not found */
                "text/plain": "404 page not found\n";
            };
        };
        /** @description The account name (`409200`) or role name (`409201`) is taken. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errorCode": "409200",
                 *       "errorMessage": "account name is duplicated",
                 *       "detail": "account is duplicated"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Done. The body is empty and sent as `text/plain; charset=UTF-8`. */
        Empty: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
            };
        };
        /** @description The `rev` query parameter equals the current revision; the body is empty. */
        NotModified: {
            headers: {
                "X-Resource-Revision": components["headers"]["ResourceRevision"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /**
         * @description Invalid request (`400001`) or a business error such as an unknown service
         *     (`400012`) or instance (`400017`). "Not found" is always reported as 400.
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Security authentication is enabled and the token is missing (`401204`), malformed
         *     (`401201`), expired (`401205`) or owned by a deleted account (`401206`), or the
         *     credentials are wrong (`401202`).
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errorCode": "401204",
                 *       "errorMessage": "No authorization header"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The token's roles lack the permission (`403205`, detail such as
         *     `role has no permissions[service:create]`), the account is blocked after failed logins
         *     (`403201`), a built-in account or role (`403202`, `403203`) or the caller's own account
         *     (`403204`) cannot be changed, or the operation is disabled on this engine (`403001`).
         */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errorCode": "403001",
                 *       "errorMessage": "Forbidden"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Internal error (`500003`), storage unavailable (`500011`; Huawei's tables call it
         *     `400011`) or quota service unavailable (`500101`).
         */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errorCode": "500011",
                 *       "errorMessage": "Registry service is unavailable"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The request is not a websocket upgrade (plain-text message from the upgrader), or a
         *     parameter is invalid (error envelope).
         */
        WebSocketBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errorCode": "400001",
                 *       "errorMessage": "Invalid parameter(s)",
                 *       "detail": "Invalid request."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
                /** @example websocket: the client is not using the websocket protocol */
                "text/plain": string;
            };
        };
    };
    parameters: {
        /**
         * @description Account name.
         * @example dev-peter
         */
        AccountName: string;
        /**
         * @description Role name.
         * @example service-reader
         */
        RoleName: string;
        /**
         * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
         *     professional engines use the tenant's project ID (1–64 characters) or `default`.
         *     Service Center itself accepts any non-empty segment.
         * @example default
         */
        Project: string;
        /**
         * @description Microservice ID (1–64 characters, no whitespace).
         * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
         */
        ServiceId: string;
        /**
         * @description ID of the consumer microservice (1–64 characters, no whitespace).
         * @example 9a3e5c7b1d2f4a6e8c0b2d4f6a8c0e2b4d6f8a01
         */
        ConsumerIdPath: string;
        /**
         * @description ID of the provider microservice (1–64 characters, no whitespace).
         * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
         */
        ProviderIdPath: string;
        /**
         * @description Instance ID (1–64 characters out of letters, digits, `_`, `.` and `-`).
         * @example 8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b
         */
        InstanceId: string;
        /**
         * @description Contract ID (1–160 characters; letters and digits, with `_`, `-` and `.` inside).
         * @example orderEndpoint
         */
        SchemaId: string;
        /**
         * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
         *     Older Huawei pages mark the header as mandatory; the registry never requires it.
         * @example default
         */
        DomainName: string;
        /**
         * @description ID of the calling (consumer) service. When present the consumer must exist, its
         *     environment replaces `env`, cross-application and cross-environment providers are
         *     hidden unless they allow access, and a dependency consumer → provider is recorded.
         * @example 9a3e5c7b1d2f4a6e8c0b2d4f6a8c0e2b4d6f8a01
         */
        ConsumerId: string;
        /**
         * @description Environment: empty, `development`, `testing`, `acceptance` or `production`; others are `400001`.
         * @example production
         */
        Env: string;
        /**
         * @description `true` or `1` (any case) keeps the registry's own shared services, which only exist in tenant `default/default`.
         * @example true
         */
        WithShared: string;
        /**
         * @description Revision from a previous `X-Resource-Revision`. When it equals the current revision the
         *     answer is `304 Not Modified`. Ignored when `noCache` or `cacheOnly` is present.
         * @example 3c1e4d8f0a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d
         */
        Rev: string;
        /** @description `true` or `1` bypasses the registry cache (a mock may ignore it). */
        NoCache: string;
        /** @description `true` or `1` answers from the registry cache only (a mock may ignore it). */
        CacheOnly: string;
        /**
         * @description Comma-separated tag keys. Only provider services that carry every listed key are kept
         *     (tag values are not compared; a service without tags never matches).
         * @example team,canary
         */
        TagFilter: string;
        /**
         * @description Must be `websocket` (any letter case) to open the websocket.
         * @example websocket
         */
        WebSocketUpgrade: string;
        /**
         * @description Must contain the token `Upgrade` (any letter case).
         * @example Upgrade
         */
        WebSocketConnection: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Opaque revision of the returned instance set. It changes when an instance in the set
         *     is created, deleted or expired, or has its status or properties rewritten; heartbeats
         *     do not change it. Send it back as `rev` to get `304` while nothing changed.
         * @example 3c1e4d8f0a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d
         */
        ResourceRevision: string;
        /**
         * @description Summary of the contract; present (possibly empty) on schema lookups.
         * @example 3f2a9c1d
         */
        SchemaSummary: string;
        /**
         * @description Marks the deprecated explicit dependency API (`version="v4"`).
         * @example version="v4"
         */
        Deprecation: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Version information. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "version": "2.2.0",
                     *       "buildTag": "20240812",
                     *       "goVersion": "go1.21.13",
                     *       "os": "linux",
                     *       "arch": "amd64",
                     *       "apiVersion": "4.0.0"
                     *     }
                     */
                    "application/json": components["schemas"]["VersionResponse"];
                };
            };
            /** @description The `project` path segment breaks its rule (1–64 characters), checked on every path (`400001`). */
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalError"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Healthy; the registry's own instances. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "instances": [
                     *         {
                     *           "instanceId": "1d3b5f7a9c0e2f4a6b8d0c2e4f6a8b0c",
                     *           "serviceId": "2a4c6e8f0b1d3f5a7c9e1b3d5f7a9c0e2b4d6f81",
                     *           "version": "2.2.0",
                     *           "hostName": "servicecomb-sc-0",
                     *           "endpoints": [
                     *             "rest://10.0.0.2:30100/"
                     *           ],
                     *           "status": "UP",
                     *           "healthCheck": {
                     *             "mode": "push",
                     *             "interval": 30,
                     *             "times": 3
                     *           },
                     *           "timestamp": "1723539000",
                     *           "modTimestamp": "1723539000"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["InstancesResponse"];
                };
            };
            /** @description The registry is unhealthy (`400002`). */
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalError"];
        };
    };
    getRootVersion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Version information. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "version": "2.2.0",
                     *       "buildTag": "20240812",
                     *       "goVersion": "go1.21.13",
                     *       "os": "linux",
                     *       "arch": "amd64",
                     *       "apiVersion": "3.0.0"
                     *     }
                     */
                    "application/json": components["schemas"]["VersionResponse"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getRootHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Healthy; the registry's own instances. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "instances": [
                     *         {
                     *           "instanceId": "1d3b5f7a9c0e2f4a6b8d0c2e4f6a8b0c",
                     *           "serviceId": "2a4c6e8f0b1d3f5a7c9e1b3d5f7a9c0e2b4d6f81",
                     *           "version": "2.2.0",
                     *           "hostName": "servicecomb-sc-0",
                     *           "endpoints": [
                     *             "rest://10.0.0.2:30100/"
                     *           ],
                     *           "status": "UP",
                     *           "healthCheck": {
                     *             "mode": "push",
                     *             "interval": 30,
                     *             "times": 3
                     *           },
                     *           "timestamp": "1723539000",
                     *           "modTimestamp": "1723539000"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["InstancesResponse"];
                };
            };
            /** @description The registry is unhealthy (`400002`). */
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalError"];
        };
    };
    checkExistence: {
        parameters: {
            query: {
                /**
                 * @description What to check; any other value is rejected with `400001`.
                 * @example microservice
                 */
                type: "microservice" | "schema";
                /**
                 * @description Environment of the service (`type=microservice`).
                 * @example production
                 */
                env?: string;
                /**
                 * @description Application (`type=microservice`, required there, no default).
                 * @example shop
                 */
                appId?: string;
                /**
                 * @description Service name or alias (`type=microservice`, required there).
                 * @example orders
                 */
                serviceName?: string;
                /**
                 * @description Version or version rule depending on the profile (`type=microservice`, required there).
                 * @example 1.2.0
                 */
                version?: components["schemas"]["VersionRule"];
                /**
                 * @description Service owning the contract (`type=schema`, required there).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId?: string;
                /**
                 * @description Contract to check (`type=schema`, required there).
                 * @example orderEndpoint
                 */
                schemaId?: string;
            };
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Found. */
            200: {
                headers: {
                    "X-Schema-Summary": components["headers"]["SchemaSummary"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExistenceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    listServices: {
        parameters: {
            query?: {
                /**
                 * @description `true` or `1` (any case) keeps the registry's own shared services, which only exist in tenant `default/default`.
                 * @example true
                 */
                withShared?: string;
            };
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The services of the tenant. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "services": [
                     *         {
                     *           "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
                     *           "environment": "production",
                     *           "appId": "shop",
                     *           "serviceName": "orders",
                     *           "version": "1.2.0",
                     *           "level": "BACK",
                     *           "status": "UP",
                     *           "timestamp": "1723540000",
                     *           "modTimestamp": "1723540000"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ServicesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    createService: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "service": {
                 *         "appId": "shop",
                 *         "serviceName": "orders",
                 *         "version": "1.2.0",
                 *         "environment": "production",
                 *         "description": "Order management",
                 *         "level": "BACK",
                 *         "properties": {
                 *           "allowCrossApp": "false"
                 *         },
                 *         "framework": {
                 *           "name": "servicecomb-java-chassis",
                 *           "version": "2.8.3"
                 *         },
                 *         "registerBy": "SDK"
                 *       },
                 *       "tags": {
                 *         "team": "checkout"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CreateServiceRequest"];
            };
        };
        responses: {
            /** @description Created, or an existing service with the same key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14"
                     *     }
                     */
                    "application/json": components["schemas"]["CreateServiceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteServices: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "serviceIds": [
                 *         "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
                 *         "9a3e5c7b1d2f4a6e8c0b2d4f6a8c0e2b4d6f8a01"
                 *       ],
                 *       "force": false
                 *     }
                 */
                "application/json": components["schemas"]["DeleteServicesRequest"];
            };
        };
        responses: {
            /** @description Per-service results (`servicecomb`), or an empty body (`cse`, all deleted). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "services": [
                     *         {
                     *           "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14"
                     *         },
                     *         {
                     *           "serviceId": "9a3e5c7b1d2f4a6e8c0b2d4f6a8c0e2b4d6f8a01",
                     *           "errMessage": "Micro-service has deployed instance(s)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteServicesResponse"];
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    getService: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "service": {
                     *         "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
                     *         "environment": "production",
                     *         "appId": "shop",
                     *         "serviceName": "orders",
                     *         "version": "1.2.0",
                     *         "description": "Order management",
                     *         "level": "BACK",
                     *         "schemas": [
                     *           "orderEndpoint"
                     *         ],
                     *         "status": "UP",
                     *         "framework": {
                     *           "name": "servicecomb-java-chassis",
                     *           "version": "2.8.3"
                     *         },
                     *         "registerBy": "SDK",
                     *         "timestamp": "1723540000",
                     *         "modTimestamp": "1723540000"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ServiceResponse"];
                };
            };
            /** @description Invalid ID (`400001`) or unknown service (`400012`). */
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteService: {
        parameters: {
            query?: {
                /**
                 * @description Delete even with consumers or instances. Default `false`.
                 * @example true
                 */
                force?: "true" | "false" | "1" | "0";
            };
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    updateServiceProperties: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "properties": {
                 *         "allowCrossApp": "true",
                 *         "owner": "checkout-team"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["PropertiesRequest"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    getTags: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tags; `{}` when there are none. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tags": {
                     *         "team": "checkout",
                     *         "canary": "enabled"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["TagsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    setTags: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "tags": {
                 *         "team": "checkout",
                 *         "canary": "enabled"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["TagsRequest"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    updateTag: {
        parameters: {
            query: {
                /**
                 * @description New value (letter first, 1–64 characters).
                 * @example disabled
                 */
                value: string;
            };
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description Tag key (letter first, 1–64 characters).
                 * @example canary
                 */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteTags: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description One to 100 comma-separated tag keys.
                 * @example canary,team
                 */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    listSchemas: {
        parameters: {
            query?: {
                /**
                 * @description `1` includes the contract texts; any value other than `0` or `1` is rejected.
                 * @example 1
                 */
                withSchema?: "0" | "1";
            };
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contracts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "schemas": [
                     *         {
                     *           "schemaId": "orderEndpoint",
                     *           "summary": "3f2a9c1d",
                     *           "schema": "openapi: 3.0.1"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SchemasResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    putSchemas: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         {
                 *           "schemaId": "orderEndpoint",
                 *           "summary": "3f2a9c1d",
                 *           "schema": "openapi: 3.0.1"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["PutSchemasRequest"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    getSchema: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description Contract ID (1–160 characters; letters and digits, with `_`, `-` and `.` inside).
                 * @example orderEndpoint
                 */
                schemaId: components["parameters"]["SchemaId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract text; its summary is in `X-Schema-Summary`. */
            200: {
                headers: {
                    "X-Schema-Summary": components["headers"]["SchemaSummary"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "schema": "openapi: 3.0.1"
                     *     }
                     */
                    "application/json": components["schemas"]["SchemaResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    putSchema: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description Contract ID (1–160 characters; letters and digits, with `_`, `-` and `.` inside).
                 * @example orderEndpoint
                 */
                schemaId: components["parameters"]["SchemaId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "schema": "openapi: 3.0.1",
                 *       "summary": "3f2a9c1d"
                 *     }
                 */
                "application/json": components["schemas"]["PutSchemaRequest"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteSchema: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description Contract ID (1–160 characters; letters and digits, with `_`, `-` and `.` inside).
                 * @example orderEndpoint
                 */
                schemaId: components["parameters"]["SchemaId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    listInstances: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated tag keys. Only provider services that carry every listed key are kept
                 *     (tag values are not compared; a service without tags never matches).
                 * @example team,canary
                 */
                tags?: components["parameters"]["TagFilter"];
                /**
                 * @description Revision from a previous `X-Resource-Revision`. When it equals the current revision the
                 *     answer is `304 Not Modified`. Ignored when `noCache` or `cacheOnly` is present.
                 * @example 3c1e4d8f0a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d
                 */
                rev?: components["parameters"]["Rev"];
                /** @description `true` or `1` bypasses the registry cache (a mock may ignore it). */
                noCache?: components["parameters"]["NoCache"];
                /** @description `true` or `1` answers from the registry cache only (a mock may ignore it). */
                cacheOnly?: components["parameters"]["CacheOnly"];
            };
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
                /**
                 * @description ID of the calling (consumer) service. When present the consumer must exist, its
                 *     environment replaces `env`, cross-application and cross-environment providers are
                 *     hidden unless they allow access, and a dependency consumer → provider is recorded.
                 * @example 9a3e5c7b1d2f4a6e8c0b2d4f6a8c0e2b4d6f8a01
                 */
                "X-ConsumerId"?: components["parameters"]["ConsumerId"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The instances; `{}` when there are none. */
            200: {
                headers: {
                    "X-Resource-Revision": components["headers"]["ResourceRevision"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "instances": [
                     *         {
                     *           "instanceId": "8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b",
                     *           "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
                     *           "version": "1.2.0",
                     *           "hostName": "orders-7d9f8",
                     *           "endpoints": [
                     *             "rest://10.0.0.5:8080"
                     *           ],
                     *           "status": "UP",
                     *           "healthCheck": {
                     *             "mode": "push",
                     *             "interval": 30,
                     *             "times": 3
                     *           },
                     *           "timestamp": "1723540000",
                     *           "modTimestamp": "1723540000"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["InstancesResponse"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    registerInstance: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterInstanceRequest"];
            };
        };
        responses: {
            /** @description Registered (or, for a live custom ID in `servicecomb`, renewed). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "instanceId": "8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b"
                     *     }
                     */
                    "application/json": components["schemas"]["RegisterInstanceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    getInstance: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated tag keys. Only provider services that carry every listed key are kept
                 *     (tag values are not compared; a service without tags never matches).
                 * @example team,canary
                 */
                tags?: components["parameters"]["TagFilter"];
                /**
                 * @description Revision from a previous `X-Resource-Revision`. When it equals the current revision the
                 *     answer is `304 Not Modified`. Ignored when `noCache` or `cacheOnly` is present.
                 * @example 3c1e4d8f0a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d
                 */
                rev?: components["parameters"]["Rev"];
                /** @description `true` or `1` bypasses the registry cache (a mock may ignore it). */
                noCache?: components["parameters"]["NoCache"];
                /** @description `true` or `1` answers from the registry cache only (a mock may ignore it). */
                cacheOnly?: components["parameters"]["CacheOnly"];
            };
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
                /**
                 * @description ID of the calling (consumer) service. When present the consumer must exist, its
                 *     environment replaces `env`, cross-application and cross-environment providers are
                 *     hidden unless they allow access, and a dependency consumer → provider is recorded.
                 * @example 9a3e5c7b1d2f4a6e8c0b2d4f6a8c0e2b4d6f8a01
                 */
                "X-ConsumerId"?: components["parameters"]["ConsumerId"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description Instance ID (1–64 characters out of letters, digits, `_`, `.` and `-`).
                 * @example 8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b
                 */
                instanceId: components["parameters"]["InstanceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The instance. */
            200: {
                headers: {
                    "X-Resource-Revision": components["headers"]["ResourceRevision"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "instance": {
                     *         "instanceId": "8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b",
                     *         "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
                     *         "version": "1.2.0",
                     *         "hostName": "orders-7d9f8",
                     *         "endpoints": [
                     *           "rest://10.0.0.5:8080"
                     *         ],
                     *         "status": "UP",
                     *         "properties": {
                     *           "nodeIP": "10.0.0.5"
                     *         },
                     *         "healthCheck": {
                     *           "mode": "push",
                     *           "interval": 30,
                     *           "times": 3
                     *         },
                     *         "timestamp": "1723540000",
                     *         "modTimestamp": "1723540000"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["InstanceResponse"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    deregisterInstance: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description Instance ID (1–64 characters out of letters, digits, `_`, `.` and `-`).
                 * @example 8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b
                 */
                instanceId: components["parameters"]["InstanceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    updateInstanceStatus: {
        parameters: {
            query: {
                /**
                 * @description New status (case-sensitive).
                 * @example DOWN
                 */
                value: "UP" | "DOWN" | "STARTING" | "TESTING" | "OUTOFSERVICE";
            };
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description Instance ID (1–64 characters out of letters, digits, `_`, `.` and `-`).
                 * @example 8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b
                 */
                instanceId: components["parameters"]["InstanceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    updateInstanceProperties: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description Instance ID (1–64 characters out of letters, digits, `_`, `.` and `-`).
                 * @example 8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b
                 */
                instanceId: components["parameters"]["InstanceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "properties": {
                 *         "nodeIP": "10.0.0.5",
                 *         "zone": "blue"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["PropertiesRequest"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    heartbeatWebSocket: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
                /**
                 * @description Must be `websocket` (any letter case) to open the websocket.
                 * @example websocket
                 */
                Upgrade: components["parameters"]["WebSocketUpgrade"];
                /**
                 * @description Must contain the token `Upgrade` (any letter case).
                 * @example Upgrade
                 */
                Connection: components["parameters"]["WebSocketConnection"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description Instance ID (1–64 characters out of letters, digits, `_`, `.` and `-`).
                 * @example 8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b
                 */
                instanceId: components["parameters"]["InstanceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switched to the websocket protocol. */
            101: {
                headers: {
                    /** @description `websocket`. */
                    Upgrade: string;
                    /** @description `Upgrade`. */
                    Connection: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["WebSocketBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    heartbeat: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
                /**
                 * @description Instance ID (1–64 characters out of letters, digits, `_`, `.` and `-`).
                 * @example 8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b
                 */
                instanceId: components["parameters"]["InstanceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    heartbeats: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "instances": [
                 *         {
                 *           "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
                 *           "instanceId": "8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b"
                 *         },
                 *         {
                 *           "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
                 *           "instanceId": "0c9e7a5b3d1f4e2a8b6c4d2e0f1a3b5c"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["HeartbeatSetRequest"];
            };
        };
        responses: {
            /** @description Per-instance results (`servicecomb`), or an empty body (`cse`, all renewed). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "instances": [
                     *         {
                     *           "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
                     *           "instanceId": "8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b"
                     *         },
                     *         {
                     *           "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
                     *           "instanceId": "0c9e7a5b3d1f4e2a8b6c4d2e0f1a3b5c",
                     *           "errMessage": "Instance does not exist."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["HeartbeatSetResponse"];
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    findInstances: {
        parameters: {
            query: {
                /**
                 * @description Application of the provider (no default).
                 * @example shop
                 */
                appId: string;
                /**
                 * @description Name or alias of the provider.
                 * @example orders
                 */
                serviceName: string;
                /**
                 * @description Version rule (`cse` profile, required there); ignored by the `servicecomb` profile.
                 * @example 1.0.0+
                 */
                version?: components["schemas"]["VersionRule"];
                /**
                 * @description Environment of the provider; replaced by the consumer's environment when `X-ConsumerId` is given.
                 * @example production
                 */
                env?: string;
                /**
                 * @description Comma-separated tag keys. Only provider services that carry every listed key are kept
                 *     (tag values are not compared; a service without tags never matches).
                 * @example team,canary
                 */
                tags?: components["parameters"]["TagFilter"];
                /**
                 * @description Revision from a previous `X-Resource-Revision`. When it equals the current revision the
                 *     answer is `304 Not Modified`. Ignored when `noCache` or `cacheOnly` is present.
                 * @example 3c1e4d8f0a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d
                 */
                rev?: components["parameters"]["Rev"];
                /** @description `true` or `1` bypasses the registry cache (a mock may ignore it). */
                noCache?: components["parameters"]["NoCache"];
                /** @description `true` or `1` answers from the registry cache only (a mock may ignore it). */
                cacheOnly?: components["parameters"]["CacheOnly"];
                /** @description `true` also searches other clusters (multi-datacenter); a mock may ignore it. */
                global?: string;
            };
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
                /**
                 * @description ID of the calling (consumer) service. When present the consumer must exist, its
                 *     environment replaces `env`, cross-application and cross-environment providers are
                 *     hidden unless they allow access, and a dependency consumer → provider is recorded.
                 * @example 9a3e5c7b1d2f4a6e8c0b2d4f6a8c0e2b4d6f8a01
                 */
                "X-ConsumerId"?: components["parameters"]["ConsumerId"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The instances; `{}` when there are none. */
            200: {
                headers: {
                    "X-Resource-Revision": components["headers"]["ResourceRevision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstancesResponse"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    batchFindInstances: {
        parameters: {
            query: {
                /**
                 * @description Must be exactly `query`.
                 * @example query
                 */
                type: "query";
            };
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
                /**
                 * @description ID of the calling (consumer) service. When present the consumer must exist, its
                 *     environment replaces `env`, cross-application and cross-environment providers are
                 *     hidden unless they allow access, and a dependency consumer → provider is recorded.
                 * @example 9a3e5c7b1d2f4a6e8c0b2d4f6a8c0e2b4d6f8a01
                 */
                "X-ConsumerId"?: components["parameters"]["ConsumerId"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "services": [
                 *         {
                 *           "service": {
                 *             "environment": "production",
                 *             "appId": "shop",
                 *             "serviceName": "orders",
                 *             "version": "latest"
                 *           },
                 *           "rev": "0"
                 *         },
                 *         {
                 *           "service": {
                 *             "environment": "production",
                 *             "appId": "shop",
                 *             "serviceName": "payments",
                 *             "version": "1.0.0+"
                 *           },
                 *           "rev": "3c1e4d8f0a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d"
                 *         },
                 *         {
                 *           "service": {
                 *             "environment": "production",
                 *             "appId": "shop",
                 *             "serviceName": "unknown",
                 *             "version": "latest"
                 *           }
                 *         }
                 *       ],
                 *       "instances": [
                 *         {
                 *           "instance": {
                 *             "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
                 *             "instanceId": "8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b"
                 *           },
                 *           "rev": "0"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["BatchFindRequest"];
            };
        };
        responses: {
            /** @description Results, split by outcome and request list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "services": {
                     *         "updated": [
                     *           {
                     *             "index": 0,
                     *             "rev": "9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c",
                     *             "instances": [
                     *               {
                     *                 "instanceId": "8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b",
                     *                 "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
                     *                 "version": "1.2.0",
                     *                 "hostName": "orders-7d9f8",
                     *                 "endpoints": [
                     *                   "rest://10.0.0.5:8080"
                     *                 ],
                     *                 "status": "UP",
                     *                 "timestamp": "1723540000",
                     *                 "modTimestamp": "1723540000"
                     *               }
                     *             ]
                     *           }
                     *         ],
                     *         "notModified": [
                     *           1
                     *         ],
                     *         "failed": [
                     *           {
                     *             "indexes": [
                     *               2
                     *             ],
                     *             "error": {
                     *               "errorCode": "400012",
                     *               "errorMessage": "Micro-service does not exist",
                     *               "detail": "Provider does not exist."
                     *             }
                     *           }
                     *         ]
                     *       },
                     *       "instances": {
                     *         "updated": [
                     *           {
                     *             "index": 0,
                     *             "rev": "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b",
                     *             "instances": [
                     *               {
                     *                 "instanceId": "8b1f0c2e6d4a4f7e9c3b5a1d2e0f4c6b",
                     *                 "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
                     *                 "version": "1.2.0",
                     *                 "hostName": "orders-7d9f8",
                     *                 "endpoints": [
                     *                   "rest://10.0.0.5:8080"
                     *                 ],
                     *                 "status": "UP",
                     *                 "timestamp": "1723540000",
                     *                 "modTimestamp": "1723540000"
                     *               }
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["BatchFindResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    updateInstancesStatus: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "matches": {
                 *         "properties": {
                 *           "zone": "blue"
                 *         }
                 *       },
                 *       "status": "OUTOFSERVICE"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateInstancesStatusRequest"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    watch: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
                /**
                 * @description Must be `websocket` (any letter case) to open the websocket.
                 * @example websocket
                 */
                Upgrade: components["parameters"]["WebSocketUpgrade"];
                /**
                 * @description Must contain the token `Upgrade` (any letter case).
                 * @example Upgrade
                 */
                Connection: components["parameters"]["WebSocketConnection"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switched to the websocket protocol; `WatchEvent` frames follow. */
            101: {
                headers: {
                    /** @description `websocket`. */
                    Upgrade: string;
                    /** @description `Upgrade`. */
                    Connection: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["WebSocketBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    listProviders: {
        parameters: {
            query?: {
                /**
                 * @description `1` leaves the consumer itself out; other values are ignored.
                 * @example 1
                 */
                noSelf?: string;
                /**
                 * @description `1` leaves out services of other tenants; other values are ignored.
                 * @example 1
                 */
                sameDomain?: string;
            };
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description ID of the consumer microservice (1–64 characters, no whitespace).
                 * @example 9a3e5c7b1d2f4a6e8c0b2d4f6a8c0e2b4d6f8a01
                 */
                consumerId: components["parameters"]["ConsumerIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The providers; `{}` when there are none. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "providers": [
                     *         {
                     *           "serviceId": "5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14",
                     *           "environment": "production",
                     *           "appId": "shop",
                     *           "serviceName": "orders",
                     *           "version": "1.2.0",
                     *           "level": "BACK",
                     *           "status": "UP",
                     *           "timestamp": "1723540000",
                     *           "modTimestamp": "1723540000"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ProvidersResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    listConsumers: {
        parameters: {
            query?: {
                /**
                 * @description `1` leaves the provider itself out; other values are ignored.
                 * @example 1
                 */
                noSelf?: string;
                /**
                 * @description `1` leaves out services of other tenants; other values are ignored.
                 * @example 1
                 */
                sameDomain?: string;
            };
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description ID of the provider microservice (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                providerId: components["parameters"]["ProviderIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The consumers; `{}` when there are none. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "consumers": [
                     *         {
                     *           "serviceId": "9a3e5c7b1d2f4a6e8c0b2d4f6a8c0e2b4d6f8a01",
                     *           "environment": "production",
                     *           "appId": "shop",
                     *           "serviceName": "checkout",
                     *           "version": "2.0.0",
                     *           "level": "FRONT",
                     *           "status": "UP",
                     *           "timestamp": "1723541000",
                     *           "modTimestamp": "1723541000"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ConsumersResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    putDependencies: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "dependencies": [
                 *         {
                 *           "consumer": {
                 *             "environment": "production",
                 *             "appId": "shop",
                 *             "serviceName": "checkout",
                 *             "version": "2.0.0"
                 *           },
                 *           "providers": [
                 *             {
                 *               "serviceName": "orders"
                 *             }
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["PutDependenciesRequest"];
            };
        };
        responses: {
            /** @description Done. The body is empty and sent as `text/plain; charset=UTF-8`. */
            200: {
                headers: {
                    Deprecation: components["headers"]["Deprecation"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    addDependencies: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "dependencies": [
                 *         {
                 *           "consumer": {
                 *             "environment": "production",
                 *             "appId": "shop",
                 *             "serviceName": "checkout",
                 *             "version": "2.0.0"
                 *           },
                 *           "providers": [
                 *             {
                 *               "serviceName": "orders"
                 *             },
                 *             {
                 *               "appId": "billing",
                 *               "serviceName": "payments"
                 *             }
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["AddDependenciesRequest"];
            };
        };
        responses: {
            /** @description Done. The body is empty and sent as `text/plain; charset=UTF-8`. */
            200: {
                headers: {
                    Deprecation: components["headers"]["Deprecation"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    listApps: {
        parameters: {
            query?: {
                /**
                 * @description Environment: empty, `development`, `testing`, `acceptance` or `production`; others are `400001`.
                 * @example production
                 */
                env?: components["parameters"]["Env"];
                /**
                 * @description `true` or `1` (any case) keeps the registry's own shared services, which only exist in tenant `default/default`.
                 * @example true
                 */
                withShared?: components["parameters"]["WithShared"];
            };
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The applications. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "appIds": [
                     *         "shop",
                     *         "stock"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AppsResponse"];
                };
            };
            /** @description `env` is not one of the four environments (`400001`). */
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalError"];
        };
    };
    listServiceDetails: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated: `tags`, `instances`, `schemas` (with their text), `dependencies`
                 *     (providers and consumers), `statistics`, or `all` (all of them). Unknown words are
                 *     ignored.
                 * @example tags,instances
                 */
                options?: string;
                /** @example shop */
                appId?: string;
                /** @example orders */
                serviceName?: string;
                /**
                 * @description Environment: empty, `development`, `testing`, `acceptance` or `production`; others are `400001`.
                 * @example production
                 */
                env?: components["parameters"]["Env"];
                /**
                 * @description `key:value` (or `key` for an empty value); repeat the parameter for more pairs. Every pair must be among the service's properties.
                 * @example team:checkout
                 */
                property?: string;
                /**
                 * @description `1` replaces the instances by their count (`statics.instances.count`); anything but `0`, `1` or blank is `400001`.
                 * @example 1
                 */
                countOnly?: string;
                /**
                 * @description `true` or `1` (any case) keeps the registry's own shared services, which only exist in tenant `default/default`.
                 * @example true
                 */
                withShared?: components["parameters"]["WithShared"];
            };
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The services with their details. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "allServicesDetail": [
                     *         {
                     *           "microService": {
                     *             "serviceId": "5fe1dfa20961947ae3088eba33f01c2144acbefa",
                     *             "appId": "shop",
                     *             "serviceName": "orders",
                     *             "version": "1.0.0",
                     *             "level": "BACK",
                     *             "status": "UP",
                     *             "timestamp": "1796169557",
                     *             "modTimestamp": "1796169557"
                     *           },
                     *           "instances": [
                     *             {
                     *               "instanceId": "86f8b4b0f8294742ba85278eab857fc6",
                     *               "serviceId": "5fe1dfa20961947ae3088eba33f01c2144acbefa",
                     *               "endpoints": [
                     *                 "rest://10.0.0.4:8080"
                     *               ],
                     *               "hostName": "orders-1",
                     *               "status": "UP",
                     *               "healthCheck": {
                     *                 "mode": "push",
                     *                 "interval": 30,
                     *                 "times": 3
                     *               },
                     *               "timestamp": "1796169558",
                     *               "modTimestamp": "1796169558",
                     *               "version": "1.0.0"
                     *             }
                     *           ],
                     *           "tags": {
                     *             "team": "checkout"
                     *           }
                     *         }
                     *       ],
                     *       "statistics": {
                     *         "services": {
                     *           "count": 1,
                     *           "onlineCount": 1
                     *         },
                     *         "instances": {
                     *           "count": 1,
                     *           "countByDomain": 1
                     *         },
                     *         "apps": {
                     *           "count": 1
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ServiceDetailsResponse"];
                };
            };
            /** @description A `countOnly` other than `0`, `1` or blank (`400001`). */
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalError"];
        };
    };
    getServiceDetail: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
                /**
                 * @description Microservice ID (1–64 characters, no whitespace).
                 * @example 5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service's detail. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "service": {
                     *         "microService": {
                     *           "serviceId": "2f8b4798d26c58d02d6f72c5bd2578e9338d22a6",
                     *           "appId": "default",
                     *           "serviceName": "SERVICECENTER",
                     *           "version": "2.2.0",
                     *           "level": "BACK",
                     *           "status": "UP",
                     *           "properties": {
                     *             "allowCrossApp": "true"
                     *           },
                     *           "timestamp": "1796169329",
                     *           "alias": "SERVICECENTER",
                     *           "modTimestamp": "1796169329",
                     *           "environment": "development"
                     *         },
                     *         "instances": [
                     *           {
                     *             "instanceId": "ce68ad6fc1924f47a47ef281484e3ab4",
                     *             "serviceId": "2f8b4798d26c58d02d6f72c5bd2578e9338d22a6",
                     *             "endpoints": [
                     *               "rest://127.0.0.1:30100/"
                     *             ],
                     *             "hostName": "sc-0",
                     *             "status": "UP",
                     *             "healthCheck": {
                     *               "mode": "push",
                     *               "interval": 30,
                     *               "times": 3
                     *             },
                     *             "timestamp": "1796169329",
                     *             "modTimestamp": "1796169329",
                     *             "version": "2.2.0"
                     *           }
                     *         ],
                     *         "microServiceVersions": [
                     *           "2.2.0"
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ServiceDetailResponse"];
                };
            };
            /** @description Unknown service (`400012`) or invalid id (`400001`). */
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalError"];
        };
    };
    getRelations: {
        parameters: {
            query?: {
                /**
                 * @description `true` or `1` (any case) keeps the registry's own shared services, which only exist in tenant `default/default`.
                 * @example true
                 */
                withShared?: components["parameters"]["WithShared"];
            };
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The graph. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "nodes": [
                     *         {
                     *           "id": "1b4bb82f45cbeaca74bf03383e225f1bff5b8dc9",
                     *           "name": "cart",
                     *           "appId": "shop",
                     *           "version": "1.0.0",
                     *           "type": "",
                     *           "color": "",
                     *           "position": ""
                     *         },
                     *         {
                     *           "id": "5fe1dfa20961947ae3088eba33f01c2144acbefa",
                     *           "name": "orders",
                     *           "appId": "shop",
                     *           "version": "1.0.0",
                     *           "type": "",
                     *           "color": "",
                     *           "position": ""
                     *         }
                     *       ],
                     *       "lines": [
                     *         {
                     *           "from": {
                     *             "id": "1b4bb82f45cbeaca74bf03383e225f1bff5b8dc9",
                     *             "name": "cart",
                     *             "appId": "shop",
                     *             "version": "1.0.0",
                     *             "type": "",
                     *             "color": "",
                     *             "position": ""
                     *           },
                     *           "to": {
                     *             "id": "5fe1dfa20961947ae3088eba33f01c2144acbefa",
                     *             "name": "orders",
                     *             "appId": "",
                     *             "version": "",
                     *             "type": "",
                     *             "color": "",
                     *             "position": ""
                     *           },
                     *           "type": "",
                     *           "color": "",
                     *           "descriptor": ""
                     *         }
                     *       ],
                     *       "circles": null
                     *     }
                     */
                    "application/json": components["schemas"]["Graph"];
                };
            };
            /** @description An invalid project segment (`400001`). */
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalError"];
        };
    };
    getStatistics: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Domain half of the tenant (Huawei: tenant account name). Absent means `default`.
                 *     Older Huawei pages mark the header as mandatory; the registry never requires it.
                 * @example default
                 */
                "X-Domain-Name"?: components["parameters"]["DomainName"];
            };
            path: {
                /**
                 * @description Project segment of the tenant. Exclusive engines use the fixed value `default`;
                 *     professional engines use the tenant's project ID (1–64 characters) or `default`.
                 *     Service Center itself accepts any non-empty segment.
                 * @example default
                 */
                project: components["parameters"]["Project"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statistics": {
                     *         "services": {
                     *           "count": 2,
                     *           "onlineCount": 1
                     *         },
                     *         "instances": {
                     *           "count": 1,
                     *           "countByDomain": 1
                     *         },
                     *         "apps": {
                     *           "count": 1
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["StatisticsResponse"];
                };
            };
            /** @description An invalid project segment (`400001`). */
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalError"];
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "root",
                 *       "password": "Secret-Pa55word",
                 *       "tokenExpirationTime": "2h"
                 *     }
                 */
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "token": "eyJhbGciOiJSUzUxMiIsInR5cCI6IkpXVCJ9.eyJhY2NvdW50Ijoicm9vdCJ9.c2lnbmF0dXJl"
                     *     }
                     */
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /**
             * @description Service Center registers the token route only with RBAC enabled; with it off (and
             *     in the mock's `servicecomb` profile without accounts) there is no such route.
             */
            404: components["responses"]["NoRoute"];
            500: components["responses"]["InternalError"];
        };
    };
    listAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accounts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "total": 1,
                     *       "data": [
                     *         {
                     *           "id": "6a5d3ff0-7c3e-4a4b-9f69-0b0d4c1f2e10",
                     *           "name": "root",
                     *           "roles": [
                     *             "admin"
                     *           ],
                     *           "status": "active",
                     *           "createTime": "1733100000",
                     *           "updateTime": "1733100000"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AccountsResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NoRoute"];
        };
    };
    createAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "dev-peter",
                 *       "password": "Dev#Pa55word",
                 *       "roles": [
                 *         "developer"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["AccountRequest"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NoRoute"];
            409: components["responses"]["Conflict"];
        };
    };
    batchCreateAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "accounts": [
                 *         {
                 *           "name": "dev-anna",
                 *           "password": "Dev#Pa55word",
                 *           "roles": [
                 *             "developer"
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["BatchCreateAccountsRequest"];
            };
        };
        responses: {
            /** @description One entry per account, with the error of those that failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "accounts": [
                     *         {
                     *           "name": "dev-anna"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["BatchCreateAccountsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NoRoute"];
        };
    };
    getAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Account name.
                 * @example dev-peter
                 */
                name: components["parameters"]["AccountName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "6a5d3ff0-7c3e-4a4b-9f69-0b0d4c1f2e10",
                     *       "name": "root",
                     *       "roles": [
                     *         "admin"
                     *       ],
                     *       "status": "active",
                     *       "createTime": "1733100000",
                     *       "updateTime": "1733100000"
                     *     }
                     */
                    "application/json": components["schemas"]["Account"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NoRoute"];
        };
    };
    updateAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Account name.
                 * @example dev-peter
                 */
                name: components["parameters"]["AccountName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "roles": [
                 *         "developer"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["AccountRequest"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NoRoute"];
        };
    };
    deleteAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Account name.
                 * @example dev-peter
                 */
                name: components["parameters"]["AccountName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NoRoute"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Account name.
                 * @example dev-peter
                 */
                name: components["parameters"]["AccountName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "currentPassword": "Dev#Pa55word",
                 *       "password": "Dev#Pa55word2"
                 *     }
                 */
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NoRoute"];
        };
    };
    listAccountLocks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The locks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "total": 1,
                     *       "data": [
                     *         {
                     *           "key": "dev-peter::10.0.0.7",
                     *           "status": "banned",
                     *           "releaseAt": 1733100900
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AccountLocksResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NoRoute"];
        };
    };
    listSelfPerms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The permissions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "perms": [
                     *         {
                     *           "resources": [
                     *             {
                     *               "type": "service"
                     *             }
                     *           ],
                     *           "verbs": [
                     *             "get"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SelfPermsResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NoRoute"];
        };
    };
    listRoles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The roles. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "total": 1,
                     *       "data": [
                     *         {
                     *           "id": "0c9b2a4e-51f6-4d1e-8f0e-2f9a7d3c6b11",
                     *           "name": "developer",
                     *           "perms": [
                     *             {
                     *               "resources": [
                     *                 {
                     *                   "type": "config"
                     *                 },
                     *                 {
                     *                   "type": "service"
                     *                 },
                     *                 {
                     *                   "type": "governance"
                     *                 },
                     *                 {
                     *                   "type": "ops"
                     *                 },
                     *                 {
                     *                   "type": "service/schema"
                     *                 }
                     *               ],
                     *               "verbs": [
                     *                 "*"
                     *               ]
                     *             }
                     *           ],
                     *           "createTime": "1733100000",
                     *           "updateTime": "1733100000"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["RolesResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NoRoute"];
        };
    };
    createRole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "service-reader",
                 *       "perms": [
                 *         {
                 *           "resources": [
                 *             {
                 *               "type": "service"
                 *             }
                 *           ],
                 *           "verbs": [
                 *             "get"
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Role"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NoRoute"];
            409: components["responses"]["Conflict"];
        };
    };
    getRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Role name.
                 * @example service-reader
                 */
                roleName: components["parameters"]["RoleName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The role. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0c9b2a4e-51f6-4d1e-8f0e-2f9a7d3c6b12",
                     *       "name": "service-reader",
                     *       "perms": [
                     *         {
                     *           "resources": [
                     *             {
                     *               "type": "service"
                     *             }
                     *           ],
                     *           "verbs": [
                     *             "get"
                     *           ]
                     *         }
                     *       ],
                     *       "createTime": "1733100000",
                     *       "updateTime": "1733100000"
                     *     }
                     */
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NoRoute"];
        };
    };
    updateRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Role name.
                 * @example service-reader
                 */
                roleName: components["parameters"]["RoleName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "perms": [
                 *         {
                 *           "resources": [
                 *             {
                 *               "type": "service"
                 *             }
                 *           ],
                 *           "verbs": [
                 *             "get",
                 *             "create"
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Role"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NoRoute"];
        };
    };
    deleteRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Role name.
                 * @example service-reader
                 */
                roleName: components["parameters"]["RoleName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Empty"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NoRoute"];
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
