// Command sc-client-life runs the whole life of a service through go-chassis/sc-client against
// the registry named by its first argument or CSE_ENDPOINT, asserting every answer. It prints one
// line per step and exits non-zero when a step fails.
package main

import (
	"fmt"
	"math/rand"
	"net/url"
	"os"
	"time"

	sc "github.com/go-chassis/sc-client"
)

// deleteWait bounds how long a deletion may take to show in cached reads and watch events.
const deleteWait = 90 * time.Second

type life struct {
	client   *sc.Client
	address  string
	app      string
	provider string
	consumer string
	instance string
	failed   int
	passed   int
}

func main() {
	endpoint := os.Getenv("CSE_ENDPOINT")
	if len(os.Args) > 1 {
		endpoint = os.Args[1]
	}
	target, err := url.Parse(endpoint)
	if endpoint == "" || err != nil || target.Host == "" {
		fmt.Fprintln(os.Stderr, "usage: sc-client-life http://HOST:PORT (or CSE_ENDPOINT)")
		os.Exit(2)
	}
	client, err := sc.NewClient(sc.Options{Endpoints: []string{target.Host}, Timeout: 5 * time.Second})
	if err != nil {
		fmt.Fprintln(os.Stderr, "cannot create client:", err)
		os.Exit(1)
	}
	l := &life{
		client:  client,
		address: target.Host,
		app:     fmt.Sprintf("go-life-%d-%04d", time.Now().Unix(), rand.Intn(10000)),
	}
	fmt.Printf("go-chassis/sc-client against %s, application %s\n", endpoint, l.app)
	l.run()
	fmt.Printf("go client: %d passed, %d failed\n", l.passed, l.failed)
	if l.failed > 0 {
		os.Exit(1)
	}
}

// step runs one check and prints its outcome; a failed step does not stop the life, except
// where later steps need what it made (those check the fields they need).
func (l *life) step(name string, check func() error) bool {
	err := check()
	if err != nil {
		l.failed++
		fmt.Printf("FAIL %s: %v\n", name, err)
		return false
	}
	l.passed++
	fmt.Printf("ok   %s\n", name)
	return true
}

func (l *life) run() {
	l.step("health lists the registry's own instance", l.health)
	l.step("sync endpoints", l.syncEndpoints)
	if !l.step("register provider service", l.registerProvider) {
		return
	}
	l.step("register the same service again gives the same id", l.registerAgain)
	l.step("existence check finds the service id", l.existence)
	l.step("get service by id", l.getService)
	l.step("list services includes it", l.listServices)
	if !l.step("register consumer service", l.registerConsumer) {
		return
	}
	if !l.step("register provider instance", l.registerInstance) {
		return
	}
	l.step("find instances, then 304 with the revision", l.findWithRevision)
	l.step("list instances of the provider", l.listInstances)
	l.step("batch find", l.batchFind)
	l.step("providers of the consumer", l.providers)
	l.step("heartbeat over HTTP", l.heartbeat)
	l.step("heartbeat over websocket", l.wsHeartbeat)
	l.step("instance status DOWN then UP", l.status)
	l.step("instance properties", l.instanceProperties)
	l.step("service properties", l.serviceProperties)
	l.step("schemas: add and read back", l.schemas)
	l.step("governance: applications", l.applications)
	l.step("governance: all resources", l.resources)
	l.step("watch: CREATE and DELETE of a provider instance", l.watch)
	l.step("unregister instance", l.unregisterInstance)
	l.step("unregister services", l.unregisterServices)
}
