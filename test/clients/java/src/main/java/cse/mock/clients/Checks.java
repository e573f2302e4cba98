package cse.mock.clients;

import java.util.ArrayList;
import java.util.List;

import org.apache.servicecomb.service.center.client.model.MicroserviceInstance;
import org.apache.servicecomb.service.center.client.model.SchemaInfo;

/** Assertions and the retry used by the client life. */
final class Checks {
  private Checks() {
  }

  /** One step or read; it fails by throwing. */
  interface Check {
    void run() throws Exception;
  }

  static void hasInstance(List<MicroserviceInstance> instances, String id) {
    check(instances != null && instances.stream().anyMatch(i -> id.equals(i.getInstanceId())),
        "instance " + id + " not in " + (instances == null ? "null" : instances.size() + " instances"));
  }

  static String describe(List<SchemaInfo> list) {
    List<String> parts = new ArrayList<>();
    for (SchemaInfo s : list) {
      parts.add(s.getSchemaId() + ":" + s.getSummary());
    }
    return parts.toString();
  }

  static void expect(String field, String got, String want) {
    check(want.equals(got), field + " is '" + got + "', want '" + want + "'");
  }

  static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }

  /** Retries a read: a real Service Center answers from a cache that sees a write a moment later. */
  static void eventually(Check read, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (true) {
      try {
        read.run();
        return;
      } catch (Throwable error) {
        if (System.currentTimeMillis() > deadline) {
          throw error instanceof AssertionError ? (AssertionError) error : new AssertionError(error);
        }
        Thread.sleep(100);
      }
    }
  }
}
