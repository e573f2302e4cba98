module cse-mock/test/clients/go

go 1.26.8

require (
	github.com/go-chassis/cari v0.5.1-0.20210823023004-74041d1363c4
	github.com/go-chassis/sc-client v0.7.0
)

require (
	github.com/cenkalti/backoff/v4 v4.1.1 // indirect
	github.com/deckarep/golang-set v1.7.1 // indirect
	github.com/go-chassis/foundation v0.3.0 // indirect
	github.com/go-chassis/openlog v1.1.2 // indirect
	github.com/gogo/protobuf v1.3.1 // indirect
	github.com/gorilla/websocket v1.4.2 // indirect
	github.com/karlseguin/ccache/v2 v2.0.8 // indirect
	github.com/patrickmn/go-cache v2.1.0+incompatible // indirect
)
