/**
 * Generated from spec/cse-registry.yaml by scripts/generate.ts (npm run generate).
 * Do not edit by hand: change the spec and regenerate.
 */

export type paths = Record<string, never>;
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
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
         *     and defaults to the consumer's application.
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
            appId: string;
            /** @description Service name; part of the identity key. Required on creation. */
            serviceName?: string;
            /**
             * @description Exact version; part of the identity key.
             * @default 0.0.1
             */
            version: components["schemas"]["Version"];
            description?: string;
            /**
             * @default BACK
             * @enum {string}
             */
            level: "FRONT" | "MIDDLE" | "BACK";
            /** @description IDs of the contracts of this service, maintained by the schema operations. */
            schemas?: string[];
            paths?: components["schemas"]["ServicePath"][];
            /**
             * @description Informational only; discovery does not filter on it.
             * @default UP
             * @enum {string}
             */
            status: "UP" | "DOWN";
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
            status: "UP" | "DOWN" | "STARTING" | "TESTING" | "OUTOFSERVICE";
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
            force: boolean;
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
         * @example {
         *       "name": "root",
         *       "password": "Secret-Pa55word",
         *       "tokenExpirationTime": "2h"
         *     }
         */
        TokenRequest: {
            name: string;
            password: string;
            /**
             * @description Lifetime as a Go duration between 15m and 24h.
             * @default 12h
             */
            tokenExpirationTime: string;
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
        /**
         * @description Sets `status` on every instance of the tenant whose properties contain all given pairs. The status is not validated.
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
            status?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
export type operations = Record<string, never>;
