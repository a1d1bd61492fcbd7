package io.tally.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.tally.events.Topics;

/**
 * Renders each overlay and checks what a reviewer would: the services' pods are probed, bounded and locked down;
 * Services select pods that exist; every contract topic has a KafkaTopic and every service a KafkaUser allowed
 * exactly what its configuration consumes; every service with a Kafka client logs in as Strimzi's listener requires
 * (SASL protocol and mechanism, its KafkaUser's JAAS config); every environment variable a service reads in production
 * is provided and nothing it does not read is; no secret value is written into the manifests.
 */
class ManifestsTest {

    /** The modules deployed, each as a Deployment of the same name. */
    static final List<String> SERVICES = List.of("campaign-service", "attribution-service", "channel-connectors",
            "gateway");

    /**
     * Variables a service may go without: the gateway issuer and the dashboard's client id and scope have defaults. ({@code TALLY_OIDC_AUDIENCE} is required:
     * without it a token the realm made for any other application would be accepted, and %prod refuses to start.)
     */
    static final Set<String> OPTIONAL = Set.of("TALLY_GATEWAY_ISSUER", "TALLY_DASHBOARD_CLIENT_ID",
            "TALLY_DASHBOARD_SCOPE");

    /** The Secrets the operator creates before applying (documented in k8s/README.md). */
    static final Set<String> OPERATOR_SECRETS = Set.of("tally-db-campaign", "tally-db-attribution",
            "tally-db-connectors", "tally-db-gateway", "tally-db-bi", "tally-gateway-signing-key",
            "tally-webhook-secrets");

    private static final Pattern SECRET_NAME = Pattern
            .compile("(?i).*(password|secret|jaas|token|signing_key|verification_key).*");
    /** Names of addresses, not values, even when they name a token (the provider's token endpoint). */
    private static final Pattern ADDRESS_NAME = Pattern.compile(".*_(ENDPOINT|URL)");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceIsProbedBoundedAndLockedDown(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        assertThat(rendered.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        for (Deployment deployment : rendered.all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            String name = deployment.getMetadata().getName();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
            assertThat(pod.getAutomountServiceAccountToken()).as(name + " service account token").isFalse();
            assertThat(pod.getTerminationGracePeriodSeconds()).as(name + " grace period").isGreaterThan(30L);
            for (Container container : pod.getContainers()) {
                assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
                assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
                assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
                assertThat(container.getResources().getRequests()).as(name + " requests")
                        .containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(name + " limits").containsKeys("cpu", "memory");
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
                assertThat(container.getImage()).as(name + " image is pinned")
                        .matches(".+:[A-Za-z0-9][A-Za-z0-9._-]*").doesNotEndWith(":latest");
                assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                        .containsEntry("prometheus.io/scrape", "true");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceSelectsPodsThatExist(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        for (Service service : rendered.all(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            assertThat(selector).as(service.getMetadata().getName()).isNotEmpty();
            assertThat(rendered.all(Deployment.class))
                    .as("pods selected by Service " + service.getMetadata().getName())
                    .anySatisfy(d -> assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                            .containsAllEntriesOf(selector));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContractTopicHasAKafkaTopicCompactedWhereTheContractSays(String overlay) {
        List<GenericKubernetesResource> topics = Rendered.overlay(overlay).custom("KafkaTopic");
        for (Topics.Spec spec : Topics.ALL) {
            GenericKubernetesResource topic = topics.stream()
                    .filter(t -> spec.name().equals(spec(t).get("topicName"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no KafkaTopic for " + spec.name()));
            Map<String, Object> config = map(spec(topic).get("config"));
            assertThat(config.get("cleanup.policy")).as(spec.name()).isEqualTo(spec.compacted() ? "compact" : "delete");
            assertThat(((Number) spec(topic).get("partitions")).intValue()).as(spec.name())
                    .isGreaterThanOrEqualTo(spec.partitions());
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "tally");
        }
        assertThat(topics).hasSize(Topics.ALL.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyKafkaServiceIsAKafkaUserAllowedWhatItConsumes(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        for (String service : List.of("campaign-service", "attribution-service", "channel-connectors")) {
            ServiceConfiguration config = ServiceConfiguration.of(service);
            GenericKubernetesResource user = rendered.custom("KafkaUser").stream()
                    .filter(u -> u.getMetadata().getName().equals(service)).findFirst()
                    .orElseThrow(() -> new AssertionError("no KafkaUser " + service));
            Set<String> readable = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (Object acl : (List<?>) map(spec(user).get("authorization")).get("acls")) {
                Map<String, Object> resource = map(map(acl).get("resource"));
                List<?> operations = (List<?>) map(acl).get("operations");
                if ("topic".equals(resource.get("type")) && operations.contains("Read")) {
                    readable.add((String) resource.get("name"));
                }
                if ("group".equals(resource.get("type"))) {
                    groups.add((String) resource.get("name"));
                }
            }
            assertThat(readable).as(service + " reads").isEqualTo(config.incomingTopics());
            assertThat(groups).as(service + " groups").isEqualTo(config.consumerGroups());
            // the Deployment authenticates as that user, from the Secret Strimzi writes for it
            assertThat(env(rendered.deployment(service), "KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef()
                    .getName()).isEqualTo(service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyKafkaClientLogsInAsTheListenerRequires(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        // Strimzi's one listener: SCRAM-SHA-512, with or without TLS
        List<?> listeners = (List<?>) map(spec(rendered.custom("Kafka").get(0)).get("kafka")).get("listeners");
        assertThat(listeners).hasSize(1);
        Map<String, Object> listener = map(listeners.get(0));
        assertThat(map(listener.get("authentication")).get("type")).isEqualTo("scram-sha-512");
        String protocol = Boolean.TRUE.equals(listener.get("tls")) ? "SASL_SSL" : "SASL_PLAINTEXT";
        List<String> kafkaServices = new ArrayList<>();
        for (String service : SERVICES) {
            ServiceConfiguration config = ServiceConfiguration.of(service);
            if (config.prod.keySet().stream().noneMatch(k -> k.startsWith("kafka.") || k.startsWith("mp.messaging."))) {
                continue;
            }
            kafkaServices.add(service);
            // every client of the service (channels, outbox, publisher) takes these kafka.* keys
            assertThat(config.prod.get("kafka.bootstrap.servers")).as(service).contains("${KAFKA_BOOTSTRAP_SERVERS");
            assertThat(config.prod.get("kafka.security.protocol")).as(service).contains("${KAFKA_SECURITY_PROTOCOL");
            assertThat(config.prod.get("kafka.sasl.mechanism")).as(service).contains("${KAFKA_SASL_MECHANISM");
            assertThat(config.prod.get("kafka.sasl.jaas.config")).as(service).contains("${KAFKA_SASL_JAAS_CONFIG");
            Deployment deployment = rendered.deployment(service);
            Map<String, String> values = values(rendered, deployment);
            assertThat(values).as(service).containsEntry("KAFKA_SECURITY_PROTOCOL", protocol)
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsKey("KAFKA_BOOTSTRAP_SERVERS");
            EnvVar jaas = env(deployment, "KAFKA_SASL_JAAS_CONFIG");
            assertThat(jaas.getValueFrom().getSecretKeyRef().getKey()).as(service).isEqualTo("sasl.jaas.config");
            // and the NetworkPolicies let it reach the listener
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).as(service)
                    .containsEntry("tally.io/kafka-client", "true");
        }
        assertThat(kafkaServices).containsExactlyInAnyOrder("campaign-service", "attribution-service",
                "channel-connectors");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableAServiceReadsInProductionIsProvidedAndNothingElse(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        for (String service : SERVICES) {
            Set<String> provided = provided(rendered, rendered.deployment(service));
            Set<String> read = ServiceConfiguration.of(service).environmentVariables().keySet();
            Set<String> missing = new TreeSet<>(read);
            missing.removeAll(provided);
            missing.removeAll(OPTIONAL);
            assertThat(missing).as(service + ": read in %prod but not provided").isEmpty();
            Set<String> unread = new TreeSet<>();
            for (String name : provided) {
                if ((name.startsWith("TALLY_") || name.startsWith("KAFKA_")) && !read.contains(name)
                        && !name.equals("KAFKA_USER")) {
                    unread.add(name);
                }
            }
            assertThat(unread).as(service + ": provided but never read").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretValueIsWrittenIntoTheManifests(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        assertThat(rendered.all(Secret.class)).as("Secret objects").isEmpty();
        for (ConfigMap configMap : rendered.all(ConfigMap.class)) {
            // a secret-looking key may only name a file (a mounted Secret), never hold the value
            configMap.getData().forEach((key, value) -> assertThat(
                    !SECRET_NAME.matcher(key).matches() || ADDRESS_NAME.matcher(key).matches()
                            || value.startsWith("/"))
                    .as(configMap.getMetadata().getName() + " " + key).isTrue());
        }
        Set<String> referenced = new HashSet<>();
        for (Deployment deployment : rendered.all(Deployment.class)) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar variable : container.getEnv()) {
                    if (SECRET_NAME.matcher(variable.getName()).matches()) {
                        assertThat(variable.getValue()).as(variable.getName() + " is a literal").isNull();
                    }
                    if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                        referenced.add(variable.getValueFrom().getSecretKeyRef().getName());
                    }
                }
            }
            deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getSecret() != null).forEach(v -> referenced.add(v.getSecret().getSecretName()));
        }
        Set<String> strimziUsers = new HashSet<>();
        rendered.custom("KafkaUser").forEach(u -> strimziUsers.add(u.getMetadata().getName()));
        for (String secret : referenced) {
            assertThat(OPERATOR_SECRETS.contains(secret) || strimziUsers.contains(secret))
                    .as("Secret " + secret + " is made by Strimzi or listed for the operator").isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theSecretsAndConfigMapsToCreateAreDocumented(String overlay) throws IOException {
        String readme = Files.readString(Rendered.K8S.resolve("README.md"));
        for (String secret : OPERATOR_SECRETS) {
            assertThat(readme).as("k8s/README.md names " + secret).contains(secret);
        }
        Set<String> rendered = new HashSet<>();
        Rendered.overlay(overlay).all(ConfigMap.class).forEach(c -> rendered.add(c.getMetadata().getName()));
        for (Deployment deployment : Rendered.overlay(overlay).all(Deployment.class)) {
            deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getConfigMap() != null).map(v -> v.getConfigMap().getName())
                    .filter(name -> !rendered.contains(name))
                    .forEach(name -> assertThat(readme).as("k8s/README.md names ConfigMap " + name).contains(name));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheGatewayIsReachableFromTheIngress(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        List<String> fromIngress = new ArrayList<>();
        rendered.all(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class).forEach(policy -> {
            boolean ingressController = policy.getSpec().getIngress().stream()
                    .flatMap(rule -> rule.getFrom().stream())
                    .map(peer -> peer.getNamespaceSelector())
                    .filter(Objects::nonNull)
                    .anyMatch(selector -> "ingress-nginx"
                            .equals(selector.getMatchLabels().get("kubernetes.io/metadata.name")));
            if (ingressController) {
                fromIngress.add(String.valueOf(policy.getSpec().getPodSelector().getMatchLabels()));
            }
        });
        assertThat(fromIngress).containsExactly("{app.kubernetes.io/name=gateway}");
        assertThat(rendered.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class)).singleElement()
                .satisfies(ingress -> {
                    assertThat(ingress.getSpec().getTls()).isNotEmpty();
                    assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend()
                            .getService().getName()).isEqualTo("gateway");
                });
    }

    @org.junit.jupiter.api.Test
    void prodSpreadsAndProtectsEveryServiceAndScalesAttributionWithinItsPartitions() {
        Rendered prod = Rendered.overlay("prod");
        for (String service : SERVICES) {
            Deployment deployment = prod.deployment(service);
            assertThat(deployment.getSpec().getReplicas()).as(service + " replicas").isGreaterThanOrEqualTo(2);
            assertThat(deployment.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity())
                    .as(service + " anti-affinity").isNotNull();
            assertThat(prod.all(io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class))
                    .as(service + " disruption budget")
                    .anySatisfy(pdb -> assertThat(pdb.getSpec().getSelector().getMatchLabels())
                            .containsEntry("app.kubernetes.io/name", service));
        }
        GenericKubernetesResource scaled = prod.custom("ScaledObject").get(0);
        // a consumer group has at most one active member per partition of the journey topics
        int partitions = ((Number) spec(prod.custom("KafkaTopic").stream()
                .filter(topic -> Topics.TOUCHPOINTS.equals(spec(topic).get("topicName"))).findFirst().orElseThrow())
                .get("partitions")).intValue();
        assertThat(((Number) spec(scaled).get("maxReplicaCount")).intValue()).isLessThanOrEqualTo(partitions);
        assertThat(map(spec(scaled).get("scaleTargetRef")).get("name")).isEqualTo("attribution-service");
        assertThat(((Number) spec(prod.custom("Cluster").get(0)).get("instances")).intValue())
                .as("PostgreSQL with a replica").isGreaterThanOrEqualTo(2);
    }

    private static Set<String> provided(Rendered rendered, Deployment deployment) {
        Set<String> names = new TreeSet<>();
        for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            container.getEnv().forEach(variable -> names.add(variable.getName()));
            for (EnvFromSource source : container.getEnvFrom()) {
                String name = source.getConfigMapRef().getName();
                ConfigMap configMap = rendered.configMap(name)
                        .orElseThrow(() -> new AssertionError("envFrom ConfigMap " + name + " is not rendered"));
                names.addAll(configMap.getData().keySet());
            }
        }
        return names;
    }

    /** The literal values a container gets: its own {@code env} values and those of its {@code envFrom} ConfigMaps. */
    private static Map<String, String> values(Rendered rendered, Deployment deployment) {
        Map<String, String> values = new HashMap<>();
        for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            for (EnvFromSource source : container.getEnvFrom()) {
                rendered.configMap(source.getConfigMapRef().getName())
                        .ifPresent(configMap -> values.putAll(configMap.getData()));
            }
            container.getEnv().stream().filter(v -> v.getValue() != null)
                    .forEach(v -> values.put(v.getName(), v.getValue()));
        }
        return values;
    }

    private static EnvVar env(Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(deployment.getMetadata().getName() + " has no " + name));
    }

    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return map(resource.getAdditionalProperties().get("spec"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
