// Command sc-client-life runs the whole life of a service through go-chassis/sc-client against
// the registry named by its first argument or CSE_ENDPOINT, asserting every answer. It prints one
// line per step and exits non-zero when a step fails.
package main

import (
	"errors"
	"fmt"
	"math/rand"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/go-chassis/cari/discovery"
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

func (l *life) health() error {
	instances, err := l.client.Health()
	if err != nil {
		return err
	}
	if len(instances) == 0 {
		return errors.New("no instance in the health answer")
	}
	for _, instance := range instances {
		if len(instance.Endpoints) == 0 || !strings.HasPrefix(instance.Endpoints[0], "rest://") {
			return fmt.Errorf("instance %s has endpoints %v, want rest://", instance.InstanceId, instance.Endpoints)
		}
	}
	return nil
}

// syncEndpoints only lets the client adopt the advertised endpoints when they name the address
// it was given, so that a wrong answer fails here instead of sending later steps elsewhere.
func (l *life) syncEndpoints() error {
	instances, err := l.client.Health()
	if err != nil {
		return err
	}
	for _, instance := range instances {
		for _, endpoint := range instance.Endpoints {
			u, err := url.Parse(endpoint)
			if err != nil || u.Host != l.address {
				return fmt.Errorf("advertised endpoint %q is not %s", endpoint, l.address)
			}
		}
	}
	return l.client.SyncEndpoints()
}

func (l *life) service(name string) *discovery.MicroService {
	return &discovery.MicroService{AppId: l.app, ServiceName: name, Version: "1.0.0", Schemas: []string{"hello"}}
}

func (l *life) registerProvider() (err error) {
	l.provider, err = l.client.RegisterService(l.service("provider"))
	if err == nil && l.provider == "" {
		err = errors.New("empty serviceId")
	}
	return err
}

func (l *life) registerAgain() error {
	id, err := l.client.RegisterService(l.service("provider"))
	if err != nil {
		return err
	}
	return expect("serviceId", id, l.provider)
}

func (l *life) existence() error {
	id, err := l.client.GetMicroServiceID(l.app, "provider", "1.0.0", "")
	if err != nil {
		return err
	}
	return expect("serviceId", id, l.provider)
}

func (l *life) getService() error {
	service, err := l.client.GetMicroService(l.provider)
	if err != nil {
		return err
	}
	if err := expect("serviceName", service.ServiceName, "provider"); err != nil {
		return err
	}
	return expect("appId", service.AppId, l.app)
}

func (l *life) listServices() error {
	return eventually(func() error {
		services, err := l.client.GetAllMicroServices()
		if err != nil {
			return err
		}
		for _, service := range services {
			if service.ServiceId == l.provider {
				return nil
			}
		}
		return fmt.Errorf("%d services, none is %s", len(services), l.provider)
	})
}

func (l *life) registerConsumer() (err error) {
	l.consumer, err = l.client.RegisterService(l.service("consumer"))
	return err
}

// newInstance gives every instance its own endpoint: the cse profile, as Huawei documents,
// answers a registration with the endpoints of an existing instance with that instance's id.
func (l *life) newInstance(host string, port int) *discovery.MicroServiceInstance {
	return &discovery.MicroServiceInstance{
		ServiceId: l.provider,
		HostName:  host,
		Endpoints: []string{fmt.Sprintf("rest://127.0.0.1:%d", port)},
		Status:    "UP",
	}
}

func (l *life) registerInstance() (err error) {
	l.instance, err = l.client.RegisterMicroServiceInstance(l.newInstance("go-life-1", 8080))
	if err == nil && l.instance == "" {
		err = errors.New("empty instanceId")
	}
	return err
}

func (l *life) findWithRevision() error {
	l.client.ResetRevision()
	instances, err := l.client.FindMicroServiceInstances(l.consumer, l.app, "provider", "latest")
	if err != nil {
		return err
	}
	if err := hasInstance(instances, l.instance); err != nil {
		return err
	}
	_, err = l.client.FindMicroServiceInstances(l.consumer, l.app, "provider", "latest")
	if !errors.Is(err, sc.ErrNotModified) {
		return fmt.Errorf("second find with the revision gave %v, want 304 (not modified)", err)
	}
	return nil
}

func (l *life) listInstances() error {
	instances, err := l.client.GetMicroServiceInstances(l.consumer, l.provider)
	if err != nil {
		return err
	}
	return hasInstance(instances, l.instance)
}

func (l *life) batchFind() error {
	key := &discovery.MicroServiceKey{AppId: l.app, ServiceName: "provider", Version: "latest"}
	answer, err := l.client.BatchFindInstances(l.consumer, []*discovery.FindService{{Service: key}}, sc.WithoutRevision())
	if err != nil {
		return err
	}
	if answer.Services == nil || len(answer.Services.Updated) != 1 {
		return fmt.Errorf("want one updated service, got %+v", answer.Services)
	}
	return hasInstance(answer.Services.Updated[0].Instances, l.instance)
}

// providers reads the dependency that the find with X-ConsumerId recorded.
func (l *life) providers() error {
	return eventually(func() error {
		answer, err := l.client.GetProviders(l.consumer)
		if err != nil {
			return err
		}
		for _, service := range answer.Services {
			if service.ServiceId == l.provider {
				return nil
			}
		}
		return fmt.Errorf("providers %d, none is %s", len(answer.Services), l.provider)
	})
}

func (l *life) heartbeat() error {
	ok, err := l.client.Heartbeat(l.provider, l.instance)
	if err == nil && !ok {
		err = errors.New("heartbeat not accepted")
	}
	return err
}

func (l *life) wsHeartbeat() error {
	if err := l.client.WSHeartbeat(l.provider, l.instance, func() {}); err != nil {
		return err
	}
	// The library keeps the connection (and reconnects it) in the background; closing it races
	// with that goroutine, so the close error says nothing about the registry.
	time.Sleep(500 * time.Millisecond)
	_ = l.client.Close()
	return nil
}

func (l *life) findOne() (*discovery.MicroServiceInstance, error) {
	instances, err := l.client.GetMicroServiceInstances(l.consumer, l.provider)
	if err != nil {
		return nil, err
	}
	for _, instance := range instances {
		if instance.InstanceId == l.instance {
			return instance, nil
		}
	}
	return nil, fmt.Errorf("instance %s not listed", l.instance)
}

func (l *life) status() error {
	for _, status := range []string{"DOWN", "UP"} {
		ok, err := l.client.UpdateMicroServiceInstanceStatus(l.provider, l.instance, status)
		if err != nil || !ok {
			return fmt.Errorf("set %s: %v", status, err)
		}
		err = eventually(func() error {
			instance, err := l.findOne()
			if err != nil {
				return err
			}
			return expect("status", instance.Status, status)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (l *life) instanceProperties() error {
	update := &discovery.MicroServiceInstance{Properties: map[string]string{"zone": "z1"}}
	ok, err := l.client.UpdateMicroServiceInstanceProperties(l.provider, l.instance, update)
	if err != nil || !ok {
		return fmt.Errorf("update: %v", err)
	}
	return eventually(func() error {
		instance, err := l.findOne()
		if err != nil {
			return err
		}
		return expect("properties.zone", instance.Properties["zone"], "z1")
	})
}

func (l *life) serviceProperties() error {
	update := &discovery.MicroService{Properties: map[string]string{"owner": "go-life"}}
	ok, err := l.client.UpdateMicroServiceProperties(l.provider, update)
	if err != nil || !ok {
		return fmt.Errorf("update: %v", err)
	}
	return eventually(func() error {
		service, err := l.client.GetMicroService(l.provider)
		if err != nil {
			return err
		}
		return expect("properties.owner", service.Properties["owner"], "go-life")
	})
}

func (l *life) schemas() error {
	const text = "openapi: 3.0.0\ninfo: {title: hello, version: 1.0.0}\npaths: {}\n"
	if err := l.client.AddSchemas(l.provider, "hello", text); err != nil {
		return err
	}
	body, err := l.client.GetSchema(l.provider, "hello")
	if err != nil {
		return err
	}
	if !strings.Contains(string(body), "openapi: 3.0.0") {
		return fmt.Errorf("schema read back as %q", body)
	}
	return nil
}

func (l *life) applications() error {
	apps, err := l.client.GetAllApplications()
	if err != nil {
		return err
	}
	for _, app := range apps {
		if app == l.app {
			return nil
		}
	}
	return fmt.Errorf("apps %v lack %s", apps, l.app)
}

func (l *life) resources() error {
	details, err := l.client.GetAllResources("all")
	if err != nil {
		return err
	}
	for _, detail := range details {
		if detail.MicroService != nil && detail.MicroService.ServiceId == l.provider {
			return nil
		}
	}
	return fmt.Errorf("%d service details, none is %s", len(details), l.provider)
}

func (l *life) watch() error {
	var mu sync.Mutex
	var events []string
	err := l.client.WatchMicroService(l.consumer, func(event *sc.MicroServiceInstanceChangedEvent) {
		mu.Lock()
		defer mu.Unlock()
		if event.Instance != nil {
			events = append(events, event.Action+" "+event.Instance.InstanceId)
		}
	})
	if err != nil {
		return err
	}
	defer func() { _ = l.client.Close() }()
	time.Sleep(300 * time.Millisecond)
	second, err := l.client.RegisterMicroServiceInstance(l.newInstance("go-life-2", 8081))
	if err != nil {
		return err
	}
	seen := func(want string, wait time.Duration) error {
		for deadline := time.Now().Add(wait); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			mu.Lock()
			got := strings.Join(events, ", ")
			mu.Unlock()
			if strings.Contains(got, want) {
				return nil
			}
		}
		mu.Lock()
		defer mu.Unlock()
		return fmt.Errorf("no %q event; got [%s]", want, strings.Join(events, ", "))
	}
	if second == l.instance {
		return fmt.Errorf("the second instance got the first one's id %s", second)
	}
	if err := seen("CREATE "+second, 10*time.Second); err != nil {
		return err
	}
	if _, err := l.client.UnregisterMicroServiceInstance(l.provider, second); err != nil {
		return err
	}
	// Service Center holds DELETE events back for a 2 s window, and much longer while its
	// self-preservation (most instances deleted at once) is on.
	return seen("DELETE "+second, deleteWait)
}

func (l *life) unregisterInstance() error {
	ok, err := l.client.UnregisterMicroServiceInstance(l.provider, l.instance)
	if err != nil || !ok {
		return fmt.Errorf("unregister: %v", err)
	}
	// A real Service Center drops a deleted instance from its cached discovery later (see watch).
	for deadline := time.Now().Add(deleteWait); ; time.Sleep(200 * time.Millisecond) {
		instances, err := l.client.FindMicroServiceInstances(l.consumer, l.app, "provider", "latest", sc.WithoutRevision())
		if err != nil {
			return err
		}
		if hasInstance(instances, l.instance) != nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("instance %s still found %s after unregistering", l.instance, deleteWait)
		}
	}
}

func (l *life) unregisterServices() error {
	for _, id := range []string{l.provider, l.consumer} {
		ok, err := l.client.UnregisterMicroService(id)
		if err != nil || !ok {
			return fmt.Errorf("unregister %s: %v", id, err)
		}
	}
	if _, err := l.client.GetMicroService(l.provider); err == nil {
		return errors.New("the provider is still readable after unregistering")
	}
	return nil
}

// eventually retries a read for up to 5 s: a real Service Center answers reads from a cache that
// takes a moment to see a write. The mock passes on the first try.
func eventually(read func() error) error {
	deadline := time.Now().Add(5 * time.Second)
	for {
		err := read()
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func hasInstance(instances []*discovery.MicroServiceInstance, id string) error {
	for _, instance := range instances {
		if instance.InstanceId == id {
			return nil
		}
	}
	return fmt.Errorf("%d instances, none is %s", len(instances), id)
}

func expect(field, got, want string) error {
	if got != want {
		return fmt.Errorf("%s is %q, want %q", field, got, want)
	}
	return nil
}
