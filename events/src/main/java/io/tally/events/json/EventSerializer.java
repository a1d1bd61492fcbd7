package io.tally.events.json;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for every event type: the {@link EventJson} form. */
public class EventSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object event) {
        return event == null ? null : EventJson.toBytes(event);
    }
}
