package cse.mock.clients;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.servicecomb.http.client.common.HttpConfiguration.SSLProperties;
import org.apache.servicecomb.http.client.common.HttpResponse;
import org.apache.servicecomb.http.client.common.HttpTransportFactory;
import org.apache.servicecomb.service.center.client.DiscoveryEvents.InstanceChangedEvent;
import org.apache.servicecomb.service.center.client.DiscoveryEvents.PullInstanceEvent;
import org.apache.servicecomb.service.center.client.ServiceCenterAddressManager;
import org.apache.servicecomb.service.center.client.ServiceCenterClient;
import org.apache.servicecomb.service.center.client.ServiceCenterDiscovery;
import org.apache.servicecomb.service.center.client.ServiceCenterDiscovery.SubscriptionKey;
import org.apache.servicecomb.service.center.client.ServiceCenterRawClient;
import org.apache.servicecomb.service.center.client.ServiceCenterWatch;
import org.apache.servicecomb.service.center.client.model.CreateSchemaRequest;
import org.apache.servicecomb.service.center.client.model.FindMicroserviceInstancesResponse;
import org.apache.servicecomb.service.center.client.model.HeartbeatsRequest;
import org.apache.servicecomb.service.center.client.model.Microservice;
import org.apache.servicecomb.service.center.client.model.MicroserviceInstance;
import org.apache.servicecomb.service.center.client.model.MicroserviceInstanceStatus;
import org.apache.servicecomb.service.center.client.model.MicroserviceInstancesResponse;
import org.apache.servicecomb.service.center.client.model.ModifySchemasRequest;
import org.apache.servicecomb.service.center.client.model.SchemaInfo;

import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;

/**
 * The whole life of a service through Apache ServiceComb's service-center-client, against the
 * registry given as the first argument or CSE_ENDPOINT. One line per step; exit 1 on a failure.
 */
public final class ClientLife {
  // Assertions and retries shared by the steps.
  private static void check(boolean condition, String message) {
    Checks.check(condition, message);
  }

  private static void expect(String field, String got, String want) {
    Checks.expect(field, got, want);
  }

  private static void eventually(Checks.Check read) throws InterruptedException {
    Checks.eventually(read, 5_000);
  }

  private static void eventually(Checks.Check read, long millis) throws InterruptedException {
    Checks.eventually(read, millis);
  }

  private static void hasInstance(MicroserviceInstancesResponse answer, String id) {
    check(answer != null, "no answer");
    Checks.hasInstance(answer.getInstances(), id);
  }

  private static void hasInstance(List<MicroserviceInstance> instances, String id) {
    Checks.hasInstance(instances, id);
  }

  private static final String SCHEMA = "openapi: 3.0.0\ninfo: {title: hello, version: 1.0.0}\npaths: {}\n";

  private final String endpoint;
  private final String app = "java-life-" + System.currentTimeMillis() / 1000 + "-"
      + ThreadLocalRandom.current().nextInt(10000);
  private final EventBus eventBus = new EventBus();
  private final ServiceCenterAddressManager addresses;
  private final ServiceCenterClient client;
  private final ServiceCenterRawClient raw;
  private final List<String> watchMessages = new CopyOnWriteArrayList<>();
  private final List<InstanceChangedEvent> changes = new CopyOnWriteArrayList<>();
  private String provider;
  private String consumer;
  private String instance;
  private int passed;
  private int failed;

  private ClientLife(String endpoint) {
    this.endpoint = endpoint;
    addresses = new ServiceCenterAddressManager("default", List.of(endpoint), null, null, eventBus);
    SSLProperties ssl = new SSLProperties();
    ssl.setEnabled(false);
    client = new ServiceCenterClient(addresses, ssl, request -> Collections.emptyMap(), "default",
        Collections.emptyMap(), null);
    // The library has no call for a service delete or an instance properties update: send them
    // through its own raw client, the way an application built on it would.
    raw = new ServiceCenterRawClient.Builder().setTenantName("default").setAddressManager(addresses)
        .setHttpTransport(HttpTransportFactory.createHttpTransport(ssl, request -> Collections.emptyMap()))
        .build();
    eventBus.register(this);
  }

  public static void main(String[] args) {
    String endpoint = args.length > 0 ? args[0] : System.getenv("CSE_ENDPOINT");
    if (endpoint == null || !endpoint.startsWith("http")) {
      System.err.println("usage: ClientLife http://HOST:PORT (or CSE_ENDPOINT)");
      System.exit(2);
    }
    ClientLife life = new ClientLife(endpoint.replaceAll("/+$", ""));
    System.out.println("service-center-client against " + endpoint + ", application " + life.app);
    life.run();
    System.out.println("java client: " + life.passed + " passed, " + life.failed + " failed");
    System.exit(life.failed > 0 ? 1 : 0);
  }

  @Subscribe
  public void onWatchMessage(PullInstanceEvent event) {
    watchMessages.add(event.getAppId() + "/" + event.getServiceName());
  }

  @Subscribe
  public void onInstancesChanged(InstanceChangedEvent event) {
    changes.add(event);
  }

  private boolean step(String name, Checks.Check check) {
    try {
      check.run();
      passed++;
      System.out.println("ok   " + name);
      return true;
    } catch (Throwable error) {
      failed++;
      System.out.println("FAIL " + name + ": " + error);
      return false;
    }
  }

  private void run() {
    step("health lists the registry's own instance", this::health);
    if (!step("register provider service", () -> provider = register("provider"))) {
      return;
    }
    step("register the same service again gives the same id", () -> expect("serviceId", register("provider"), provider));
    step("query the service id (existence)", () -> expect("serviceId", client.queryServiceId(service("provider")).getServiceId(), provider));
    step("get service by id", () -> expect("serviceName", client.getMicroserviceByServiceId(provider).getServiceName(), "provider"));
    step("list services includes it", () -> eventually(() -> {
      boolean found = client.getMicroserviceList().getServices().stream().anyMatch(s -> provider.equals(s.getServiceId()));
      check(found, "service " + provider + " not listed");
    }));
    if (!step("register consumer service", () -> consumer = register("consumer"))
        || !step("register provider instance", () -> instance = registerInstance("java-life-1", 8080))) {
      return;
    }
    step("get instance by id", () -> expect("hostName", client.getMicroserviceInstance(provider, instance).getHostName(), "java-life-1"));
    step("find instances, then not modified with the X-Resource-Revision it sent", this::findWithRevision);
    step("discovery task: no change event while nothing changes", this::steadyDiscovery);
    step("list instances of the provider", () -> hasInstance(client.getMicroserviceInstanceList(provider), instance));
    step("heartbeat over HTTP", () -> check(client.sendHeartBeat(provider, instance), "heartbeat refused"));
    step("batch heartbeat", this::batchHeartbeat);
    step("instance status DOWN then UP", this::status);
    step("instance properties (raw PUT)", this::instanceProperties);
    step("service properties", this::serviceProperties);
    step("schemas: register, list, read, batch replace", this::schemas);
    step("watch: a message for a new provider instance", this::watch);
    step("unregister instance", this::unregisterInstance);
    step("delete services (raw DELETE)", this::deleteServices);
  }

  private void health() {
    MicroserviceInstancesResponse answer = client.getServiceCenterInstances();
    check(answer != null && answer.getInstances() != null && !answer.getInstances().isEmpty(),
        "no instance in the health answer");
    for (MicroserviceInstance self : answer.getInstances()) {
      check(!self.getEndpoints().isEmpty() && self.getEndpoints().get(0).startsWith("rest://"),
          "endpoints " + self.getEndpoints());
    }
  }

  private Microservice service(String name) {
    Microservice service = new Microservice();
    service.setAppId(app);
    service.setServiceName(name);
    service.setVersion("1.0.0");
    service.setSchemas(List.of("hello"));
    return service;
  }

  private String register(String name) {
    String id = client.registerMicroservice(service(name)).getServiceId();
    check(id != null && !id.isEmpty(), "empty serviceId");
    return id;
  }

  /** Each instance gets its own endpoint: the cse profile gives a registration with the endpoints of an existing instance that instance's id. */
  private MicroserviceInstance newInstance(String host, int port) {
    MicroserviceInstance item = new MicroserviceInstance();
    item.setServiceId(provider);
    item.setHostName(host);
    item.setEndpoints(List.of("rest://127.0.0.1:" + port));
    item.setStatus(MicroserviceInstanceStatus.UP);
    return item;
  }

  private String registerInstance(String host, int port) {
    String id = client.registerMicroserviceInstance(newInstance(host, port)).getInstanceId();
    check(id != null && !id.isEmpty(), "empty instanceId");
    return id;
  }

  private void findWithRevision() {
    FindMicroserviceInstancesResponse first = client.findMicroserviceInstance(consumer, app, "provider", "0.0.0.0+", "");
    check(first.isModified(), "first find not modified");
    hasInstance(first.getMicroserviceInstancesResponse(), instance);
    // The library reads the header by its exact name; a lower-cased name reads as null here.
    check(first.getRevision() != null && !first.getRevision().isEmpty(),
        "X-Resource-Revision not found in the answer (header name case?)");
    FindMicroserviceInstancesResponse second = client.findMicroserviceInstance(consumer, app, "provider", "0.0.0.0+",
        first.getRevision());
    check(!second.isModified(), "find with rev=" + first.getRevision() + " was answered 200, want 304");
  }

  /** java-chassis' polling task: with revisions working it posts no change while nothing changes. */
  private void steadyDiscovery() throws InterruptedException {
    ServiceCenterDiscovery discovery = new ServiceCenterDiscovery(client, eventBus);
    discovery.updateMyselfServiceId(consumer);
    discovery.setPollInterval(1000);
    discovery.registerIfNotPresent(new SubscriptionKey(app, "provider"));
    hasInstance(discovery.getInstanceCache(new SubscriptionKey(app, "provider")), instance);
    changes.clear();
    discovery.startDiscovery();
    Thread.sleep(3500);
    discovery.stop();
    check(changes.isEmpty(), changes.size() + " instance change events in 3.5 s with nothing changed");
  }

  private void batchHeartbeat() {
    HeartbeatsRequest request = new HeartbeatsRequest(provider, instance);
    client.sendHeartBeats(request);
  }

  private MicroserviceInstance readInstance() {
    return client.getMicroserviceInstance(provider, instance);
  }

  private void status() throws InterruptedException {
    for (MicroserviceInstanceStatus status : List.of(MicroserviceInstanceStatus.DOWN, MicroserviceInstanceStatus.UP)) {
      check(client.updateMicroserviceInstanceStatus(provider, instance, status), "status " + status + " refused");
      eventually(() -> expect("status", String.valueOf(readInstance().getStatus()), status.name()));
    }
  }

  private void instanceProperties() throws Exception {
    HttpResponse answer = raw.putHttpRequest("/registry/microservices/" + provider + "/instances/" + instance
        + "/properties", null, "{\"properties\":{\"zone\":\"z1\"}}");
    expect("status code", String.valueOf(answer.getStatusCode()), "200");
    eventually(() -> expect("properties.zone", String.valueOf(readInstance().getProperties().get("zone")), "z1"));
  }

  private void serviceProperties() throws InterruptedException {
    check(client.updateMicroserviceProperties(provider, Map.of("owner", "java-life"), null), "update refused");
    eventually(() -> expect("properties.owner",
        String.valueOf(client.getMicroserviceByServiceId(provider).getProperties().get("owner")), "java-life"));
  }

  private void schemas() throws InterruptedException {
    CreateSchemaRequest request = new CreateSchemaRequest();
    request.setSchema(SCHEMA);
    request.setSummary("s1");
    check(client.registerSchema(provider, "hello", request), "register schema refused");
    eventually(() -> {
      List<SchemaInfo> list = client.getServiceSchemasList(provider, false);
      check(list.stream().anyMatch(s -> "hello".equals(s.getSchemaId()) && "s1".equals(s.getSummary())),
          "schema list " + Checks.describe(list));
    });
    check(client.getServiceSchemaContext(provider, "hello").contains("openapi: 3.0.0"), "schema text differs");
    SchemaInfo replaced = new SchemaInfo();
    replaced.setSchemaId("hello");
    replaced.setSchema(SCHEMA + "# v2\n");
    replaced.setSummary("s2");
    check(client.updateServiceSchemaContext(provider, replaced), "update schema refused");
    eventually(() -> check(client.getServiceSchemaContext(provider, "hello").contains("# v2"), "schema not updated"));
    SchemaInfo batch = new SchemaInfo();
    batch.setSchemaId("hello");
    batch.setSchema(SCHEMA + "# v3\n");
    batch.setSummary("s3");
    ModifySchemasRequest all = new ModifySchemasRequest();
    all.setSchemas(List.of(batch));
    check(client.batchUpdateServiceSchemaContext(provider, all), "batch schema update refused");
    eventually(() -> check(client.getServiceSchemasList(provider, true).stream()
        .anyMatch(s -> "s3".equals(s.getSummary()) && s.getSchema() != null && s.getSchema().contains("# v3")),
        "batch update not visible"));
  }

  private void watch() throws InterruptedException {
    ServiceCenterWatch watch = new ServiceCenterWatch(addresses, sslOff(), request -> Collections.emptyMap(),
        "default", Collections.emptyMap(), eventBus);
    watch.startWatch("default", consumer);
    try {
      Thread.sleep(1000);
      String second = registerInstance("java-life-2", 8081);
      check(!second.equals(instance), "the second instance got the first one's id");
      eventually(() -> check(watchMessages.contains(app + "/provider"), "watch messages " + watchMessages), 10_000);
      client.deleteMicroserviceInstance(provider, second);
    } finally {
      watch.stop();
    }
  }

  private static SSLProperties sslOff() {
    SSLProperties ssl = new SSLProperties();
    ssl.setEnabled(false);
    return ssl;
  }

  private void unregisterInstance() throws InterruptedException {
    client.deleteMicroserviceInstance(provider, instance);
    // Service Center holds deletions back from its cached reads for a 2 s window, and much longer
    // while its self-preservation (most instances deleted at once) is on.
    eventually(() -> {
      FindMicroserviceInstancesResponse found = client.findMicroserviceInstance(consumer, app, "provider", "0.0.0.0+", "");
      List<MicroserviceInstance> left = found.getMicroserviceInstancesResponse().getInstances();
      check(left == null || left.stream().noneMatch(i -> instance.equals(i.getInstanceId())), "instance still found");
    }, 90_000);
  }

  private void deleteServices() throws Exception {
    for (String id : List.of(provider, consumer)) {
      HttpResponse answer = raw.deleteHttpRequest("/registry/microservices/" + id + "?force=true", null, null);
      expect("delete " + id, String.valueOf(answer.getStatusCode()), "200");
    }
    HttpResponse gone = raw.getHttpRequest("/registry/microservices/" + provider, null, null);
    expect("status of the deleted service", String.valueOf(gone.getStatusCode()), "400");
    check(gone.getContent().contains("\"errorCode\":\"400012\""), "body " + gone.getContent());
  }
}
