package main

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/go-chassis/cari/discovery"
)

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
