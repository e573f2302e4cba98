package main

import (
	"fmt"
	"time"

	"github.com/go-chassis/cari/discovery"
)

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
