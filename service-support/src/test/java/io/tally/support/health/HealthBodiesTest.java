package io.tally.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class HealthBodiesTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void exceptionMessagesAndAddressesAreDroppedStatusesAndNamesKept() {
        JsonObject filtered = new HealthBodies().filter(
                json("""
                        {"status":"DOWN","checks":[
                          {"name":"Database connections health check","status":"DOWN","data":{"<default>":
                           "Unable to execute the validation check: Connection to db.internal:5432 refused"}},
                          {"name":"Kafka connection health check","status":"UP","data":{"nodes":"kafka-0:9092"}},
                          {"name":"outbox","status":"DOWN","data":{"rootCause":"org.postgresql.util.PSQLException: SELECT"}}]}"""));
        assertThat(filtered).isEqualTo(json("""
                {"status":"DOWN","checks":[
                  {"name":"Database connections health check","status":"DOWN"},
                  {"name":"Kafka connection health check","status":"UP"},
                  {"name":"outbox","status":"DOWN"}]}"""));
    }

    @Test
    void genericStatesOfTheGatewaysUpstreamsAreKept() {
        JsonObject upstreams = json("""
                {"status":"DOWN","checks":[{"name":"upstreams","status":"DOWN","data":
                  {"campaign":"UP","attribution":"DOWN (HTTP 503)","connectors":"DOWN (unreachable)"}}]}""");
        assertThat(new HealthBodies().filter(upstreams)).isEqualTo(upstreams);
    }

    @Test
    void howManyInstancesOfAServiceAreReadyIsKept() {
        JsonObject upstreams = json(
                """
                        {"status":"DOWN","checks":[{"name":"upstreams","status":"DOWN","data":
                          {"campaign":"UP (1 of 2 instances ready)","attribution":"UP","connectors":"DOWN (none of 3 instances ready)"}}]}""");
        assertThat(new HealthBodies().filter(upstreams)).isEqualTo(upstreams);
        assertThat(new HealthBodies().filter(
                json("""
                        {"status":"UP","checks":[{"name":"x","status":"UP","data":{"a":"UP (1 of 2 instances at db:5432)"}}]}""")))
                .isEqualTo(json("{\"status\":\"UP\",\"checks\":[{\"name\":\"x\",\"status\":\"UP\"}]}"));
    }

    @Test
    void oneSpecificValueDropsTheWholeData() {
        assertThat(new HealthBodies().filter(
                json("""
                        {"status":"UP","checks":[{"name":"x","status":"UP","data":{"a":"UP","b":"DOWN (Connection refused)"}}]}""")))
                .isEqualTo(json("{\"status\":\"UP\",\"checks\":[{\"name\":\"x\",\"status\":\"UP\"}]}"));
    }
}
