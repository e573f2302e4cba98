package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/go-chassis/cari/discovery"
	sc "github.com/go-chassis/sc-client"
)

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
