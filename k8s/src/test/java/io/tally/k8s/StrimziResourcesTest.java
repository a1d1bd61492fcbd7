package io.tally.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.strimzi.api.kafka.model.common.UnknownPropertyPreserving;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Every Strimzi resource of each overlay loads into Strimzi's own typed model at API {@code kafka.strimzi.io/v1},
 * leaving no field it does not know (a misspelt or removed field would otherwise be dropped silently by the operator).
 */
class StrimziResourcesTest {

    private static final Map<String, Class<?>> MODELS = Map.of("Kafka", Kafka.class, "KafkaNodePool",
            KafkaNodePool.class, "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyStrimziResourceIsValidInStrimzisModel(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        Set<String> unknown = new TreeSet<>();
        int checked = 0;
        for (GenericKubernetesResource resource : rendered.all(GenericKubernetesResource.class)) {
            Class<?> model = MODELS.get(resource.getKind());
            if (model == null || !resource.getApiVersion().startsWith("kafka.strimzi.io/")) {
                continue;
            }
            assertThat(resource.getApiVersion()).as(resource.getKind()).isEqualTo("kafka.strimzi.io/v1");
            Object typed = Serialization.unmarshal(Serialization.asJson(resource), model);
            collectUnknown(typed, resource.getKind() + "/" + resource.getMetadata().getName(), unknown);
            checked++;
        }
        assertThat(checked).as("Strimzi resources checked").isEqualTo(2 + 9 + 3);
        assertThat(unknown).as("fields Strimzi's model does not know").isEmpty();
    }

    /** Walks the typed object and records every property a level kept as unknown. */
    private static void collectUnknown(Object value, String path, Set<String> unknown) throws Exception {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.strimzi.")) {
            return;
        }
        if (value instanceof UnknownPropertyPreserving preserving && preserving.getAdditionalProperties() != null) {
            preserving.getAdditionalProperties().keySet().forEach(key -> unknown.add(path + "." + key));
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() == 0 && !Modifier.isStatic(getter.getModifiers())
                    && getter.getName().startsWith("get") && !getter.getName().equals("getAdditionalProperties")
                    && !getter.getName().equals("getClass") && !getter.getName().equals("getMetadata")) {
                try {
                    collectUnknown(getter.invoke(value), path + "." + getter.getName().substring(3), unknown);
                } catch (InvocationTargetException e) {
                    // a derived getter that does not apply to this object
                }
            }
        }
    }
}
