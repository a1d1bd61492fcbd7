package io.tally.support.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.tally.events.json.EventJson;

/** REST bodies follow the event JSON conventions: money as decimal strings, ISO-8601 instants, nulls omitted. */
@Singleton
public class TallyObjectMapperCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper);
    }
}
