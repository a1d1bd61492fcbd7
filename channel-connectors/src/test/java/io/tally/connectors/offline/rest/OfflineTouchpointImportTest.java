package io.tally.connectors.offline.rest;

import static io.tally.connectors.offline.OfflineFixtures.callCentreLog;
import static io.tally.connectors.offline.OfflineFixtures.eventAttendance;
import static io.tally.connectors.offline.OfflineFixtures.marker;
import static io.tally.connectors.offline.rest.OfflineImportResourceTest.awaitFinished;
import static io.tally.connectors.offline.rest.OfflineImportResourceTest.upload;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tally.connectors.TopicProbe;
import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.InteractionType;
import io.tally.events.Reject;
import io.tally.events.Topics;
import io.tally.events.Touchpoint;
import io.tally.events.json.EventJson;

/** Offline touchpoints: a call-centre log with its own column names, an event attendance list with the defaults. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class OfflineTouchpointImportTest {

    static Map<String, String> callCentreMapping() {
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("column.occurredAt", "Call Start");
        mapping.put("column.phone", "Caller Phone");
        mapping.put("column.customerId", "customer no"); // headers match case-insensitively
        mapping.put("column.type", "Outcome");
        mapping.put("column.code", "Campaign");
        return mapping;
    }

    @Test
    void callCentreLogWithCustomMappingPublishesOfflineContactsWithHashedPhones() {
        String m = marker();
        try (TopicProbe touchpoints = TopicProbe.of(Topics.TOUCHPOINTS);
                TopicProbe rejects = TopicProbe.of(Topics.REJECTS)) {
            JsonPath job = awaitFinished(upload("touchpoints", callCentreLog(m), callCentreMapping()));

            assertThat(job.getString("status")).isEqualTo("completed");
            assertThat(job.getLong("rowsRead")).isEqualTo(4);
            assertThat(job.getLong("accepted")).isEqualTo(3);
            assertThat(job.getLong("rejected")).isEqualTo(1);
            List<ConsumerRecord<String, byte[]>> records = touchpoints.awaitMentioning(m, 3);
            List<Touchpoint> published = records.stream().map(r -> EventJson.read(r.value(), Touchpoint.class))
                    .toList();
            assertThat(published).allSatisfy(t -> {
                // each on its type's channel: the calls on phone, the mail drop on direct_mail
                assertThat(t.channel()).isEqualTo(t.source().equals("call") ? Channel.PHONE : Channel.DIRECT_MAIL);
                assertThat(t.interactionType()).isEqualTo(InteractionType.OFFLINE_CONTACT);
                assertThat(t.medium()).isEqualTo("offline");
                assertThat(t.eventId()).startsWith("offline:");
            });
            Touchpoint first = published.stream().filter(t -> ("C-" + m + "-1").equals(t.identifiers().customerId()))
                    .findFirst().orElseThrow();
            assertThat(first.source()).isEqualTo("call");
            assertThat(first.campaignCode()).isEqualTo("XMAS-CALL-" + m);
            assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-11-20T09:14:03Z"));
            assertThat(first.identifiers().phoneSha256()).isEqualTo(IdentityKeys.phoneSha256("+49 30 1234567"));
            Touchpoint byPhone = published.stream().filter(t -> t.identifiers().customerId() == null).findFirst()
                    .orElseThrow();
            assertThat(byPhone.identifiers().phoneSha256()).isEqualTo(IdentityKeys.phoneSha256("+49 30 7654321"));
            Touchpoint mail = published.stream().filter(t -> ("C-" + m + "-3").equals(t.identifiers().customerId()))
                    .findFirst().orElseThrow();
            assertThat(mail.source()).isEqualTo("direct_mail");
            assertThat(mail.campaignCode()).isNull();
            assertThat(records).allSatisfy(r -> assertThat(TopicProbe.value(r)).doesNotContain("7654321"));
            Reject letter = EventJson.read(rejects.awaitMentioning("XMAS-CALL-" + m, 1).get(0).value(), Reject.class);
            assertThat(letter.field()).isEqualTo("identifiers");
            assertThat(letter.reason()).isEqualTo("at least one of Caller Phone, Customer No is required");
        }
    }

    @Test
    void reimportingTheSameCallsGivesTheSameEventIds() {
        String m = marker();
        awaitFinished(upload("touchpoints", callCentreLog(m), callCentreMapping()));

        JsonPath again = awaitFinished(upload("touchpoints", callCentreLog(m), callCentreMapping()));

        assertThat(again.getLong("accepted")).isZero();
        assertThat(again.getLong("deduplicated")).isEqualTo(3);
    }

    @Test
    void eventAttendanceListWithDefaultColumnsCarriesTheEventCode() {
        String m = marker();
        try (TopicProbe touchpoints = TopicProbe.of(Topics.TOUCHPOINTS)) {
            JsonPath job = awaitFinished(upload("touchpoints", eventAttendance(m), Map.of()));

            assertThat(job.getLong("accepted")).isEqualTo(2);
            List<Touchpoint> published = touchpoints.awaitMentioning("FALL-GALA-" + m, 2).stream()
                    .map(r -> EventJson.read(r.value(), Touchpoint.class)).toList();
            assertThat(published).extracting(Touchpoint::source).containsOnly("event");
            assertThat(published).extracting(Touchpoint::channel).containsOnly(Channel.EVENTS);
            assertThat(published).extracting(t -> t.identifiers().emailSha256())
                    .contains(IdentityKeys.emailSha256("guest+" + m + "@example.org"));
        }
    }

    @Test
    void aRowsOwnChannelWinsAConfiguredTypeComesNextAndAnUnknownTypeIsOffline() {
        String m = marker();
        String csv = """
                type,occurred_at,customer_id,code,channel
                webinar,2026-10-14 18:30:00,C-%1$s-1,SHOW-%1$s,email
                roadshow,2026-10-14 18:31:00,C-%1$s-2,SHOW-%1$s,
                Door Hanger,2026-10-14 18:32:00,C-%1$s-3,SHOW-%1$s,
                call,2026-10-14 18:33:00,C-%1$s-4,SHOW-%1$s,carrier_pigeon
                """.formatted(m);
        try (TopicProbe touchpoints = TopicProbe.of(Topics.TOUCHPOINTS)) {
            String id = upload("touchpoints", csv, Map.of());
            JsonPath job = awaitFinished(id);

            assertThat(job.getLong("accepted")).isEqualTo(3);
            assertThat(job.getLong("rejected")).isEqualTo(1);
            Map<String, Channel> bySource = new LinkedHashMap<>();
            touchpoints.awaitMentioning("SHOW-" + m, 3).stream().map(r -> EventJson.read(r.value(), Touchpoint.class))
                    .forEach(t -> bySource.put(t.source(), t.channel()));
            assertThat(bySource).containsEntry("webinar", Channel.EMAIL) // the row's channel, not the type's events
                    .containsEntry("roadshow", Channel.EVENTS) // %test.tally.connectors.offline.type-channels
                    .containsEntry("door_hanger", Channel.OFFLINE).hasSize(3);
            JsonPath report = given().accept("application/json").when().get("/api/v1/imports/" + id + "/rejects")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(report.getList("column", String.class)).containsExactly("channel");
            assertThat(report.getString("[0].reason")).startsWith("must be one of paid_search,");
        }
    }
}
