package io.tally.connectors.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.connectors.TopicProbe;
import io.tally.connectors.spi.SourceConnector;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Event;
import io.tally.events.Identifiers;
import io.tally.events.InteractionType;
import io.tally.events.Reject;
import io.tally.events.Topics;
import io.tally.events.Touchpoint;
import io.tally.events.Trust;
import io.tally.events.json.EventJson;
import io.tally.events.validation.Violations;

/** The shared pipeline against the real broker and database: dedup, dead letters, input order. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class IngestPipelineTest {

    /** A line source for tests: {@code <eventId>,<anonymousId>,<ISO instant>}. */
    static final SourceConnector<String> LINES = new SourceConnector<>() {
        @Override
        public String source() {
            return "test.lines";
        }

        @Override
        public List<? extends Event> map(String line, Violations violations) {
            String[] cells = line.split(",", -1);
            if (cells.length != 3) {
                violations.add("line", "must have 3 cells");
                return List.of();
            }
            Instant at;
            try {
                at = Instant.parse(cells[2]);
            } catch (RuntimeException e) {
                violations.add("occurredAt", "is not an ISO-8601 instant");
                return List.of();
            }
            return List.of(new Touchpoint(cells[0], at, Channel.OFFLINE, InteractionType.OFFLINE_CONTACT, "test",
                    null, null, Identifiers.anonymous(cells[1]), null, null, Trust.VERIFIED));
        }
    };

    @Inject
    IngestPipeline pipeline;

    @Test
    void anEventDeliveredTwiceIsPublishedOnce() {
        String marker = "dup-" + UUID.randomUUID();
        String line = marker + ",anon-" + marker + ",2026-11-01T10:00:00Z";
        try (TopicProbe probe = TopicProbe.of(Topics.TOUCHPOINTS)) {
            Ingested first = pipeline.ingestAll(LINES, List.of(line), false);
            Ingested second = pipeline.ingestAll(LINES, List.of(line, line), true);

            assertThat(first.published()).containsExactly(marker);
            assertThat(second.published()).isEmpty();
            assertThat(second.duplicates()).containsExactly(marker, marker);
            assertThat(second.eventIds()).containsExactly(marker, marker);
            probe.awaitMentioning(marker, 1);
            staysAt(probe, marker, 1);
        }
    }

    @Test
    void bulkInputDeadLettersBadRecordsAndPublishesTheRest() {
        String marker = "bulk-" + UUID.randomUUID();
        List<String> lines = List.of(
                marker + "-1,anon,2026-11-01T10:00:00Z",
                marker + "-2,anon,yesterday",
                marker + "-3,anon",
                marker + "-4,anon,2026-11-01T11:00:00Z");
        try (TopicProbe touches = TopicProbe.of(Topics.TOUCHPOINTS);
                TopicProbe rejects = TopicProbe.of(Topics.REJECTS)) {
            Ingested ingested = pipeline.ingestEach(LINES, lines, line -> line);

            assertThat(ingested.published()).containsExactly(marker + "-1", marker + "-4");
            assertThat(ingested.rejected()).extracting(Ingested.Rejected::index).containsExactly(1, 2);
            assertThat(ingested.rejected().get(0).reject().field()).isEqualTo("occurredAt");
            assertThat(touches.awaitMentioning(marker, 2)).hasSize(2);
            List<Reject> dead = rejects.awaitMentioning(marker, 2).stream()
                    .map(r -> EventJson.read(r.value(), Reject.class)).toList();
            assertThat(dead).extracting(Reject::source).containsOnly("test.lines");
            assertThat(dead).extracting(Reject::rawPayload).containsExactlyInAnyOrder(lines.get(1), lines.get(2));
            assertThat(dead).extracting(Reject::field).containsExactlyInAnyOrder("occurredAt", "line");
            // the contract's one id scheme, the same the consumers' EventIntake names its dead letters by
            assertThat(dead).extracting(Reject::eventId).containsExactlyInAnyOrder(
                    Reject.idOf("test.lines", lines.get(1)), Reject.idOf("test.lines", lines.get(2)));
        }
    }

    @Test
    void reingestingTheSameBulkInputAddsNothing() {
        String marker = "again-" + UUID.randomUUID();
        List<String> lines = List.of(marker + "-1,anon,2026-11-01T10:00:00Z", marker + "-2,anon,nope");
        pipeline.ingestEach(LINES, lines, line -> line);
        try (TopicProbe both = TopicProbe.of(Topics.TOUCHPOINTS, Topics.REJECTS)) {
            both.awaitMentioning(marker, 2);

            Ingested again = pipeline.ingestEach(LINES, lines, line -> line);

            assertThat(again.published()).isEmpty();
            assertThat(again.duplicates()).containsExactly(marker + "-1");
            staysAt(both, marker, 2);
        }
    }

    /** Nothing more mentioning {@code marker} arrives for two seconds. */
    private static void staysAt(TopicProbe probe, String marker, int count) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(7))
                .until(() -> probe.mentioning(marker).size() == count);
    }
}
