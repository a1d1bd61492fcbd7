package io.tally.attribution;

import static io.tally.devstack.Authorized.given;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.tally.devstack.Devstack;
import io.tally.events.CampaignChanged;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.ConversionAdjustment;
import io.tally.events.Identifiers;
import io.tally.events.IdentityLink;
import io.tally.events.InteractionType;
import io.tally.events.Money;
import io.tally.events.Topics;
import io.tally.events.Touchpoint;
import io.tally.events.Trust;
import io.tally.events.json.EventJson;

/** Events for attribution tests, sent to the real broker the way the other services send them. */
public final class AttributionFixtures {

    private static KafkaProducer<String, byte[]> producer;

    private AttributionFixtures() {
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Sends raw bytes and waits for the broker's acknowledgement. */
    public static void sendRaw(String topic, String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(Touchpoint touch) {
        sendRaw(Topics.TOUCHPOINTS, touch.identifiers().partitionKey(), EventJson.toBytes(touch));
    }

    /**
     * Sends the touchpoint and waits until it is stored: touches and conversions travel on topics of their own, so a
     * conversion sent after a touch may be credited before the touch is stored (and then re-credited as a late touch).
     */
    public static void sendStored(Touchpoint touch) {
        send(touch);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> !sql(
                "SELECT 1 FROM touchpoint WHERE event_id = ?1", touch.eventId()).isEmpty());
    }

    public static void send(Conversion conversion) {
        sendRaw(Topics.CONVERSIONS, conversion.identifiers().partitionKey(), EventJson.toBytes(conversion));
    }

    public static void send(IdentityLink link) {
        sendRaw(Topics.IDENTITY_LINKS, link.identifiers().partitionKey(), EventJson.toBytes(link));
    }

    public static void send(ConversionAdjustment adjustment) {
        sendRaw(Topics.CONVERSION_ADJUSTMENTS, adjustment.orderId(), EventJson.toBytes(adjustment));
    }

    /** A link saying these identifiers are one customer (e.g. a login). */
    public static IdentityLink link(Identifiers identifiers) {
        return new IdentityLink("link-" + UUID.randomUUID(), Instant.now(), identifiers, "test", Trust.VERIFIED);
    }

    /** A refund of part (or all) of an order. */
    public static ConversionAdjustment refund(Conversion order, String amount) {
        return new ConversionAdjustment("refund-" + UUID.randomUUID(), order.orderId(), order.occurredAt(),
                ConversionAdjustment.Kind.REFUND, Money.of(amount, order.revenue().currency()), "test", Trust.VERIFIED);
    }

    /** The cancellation of a whole order. */
    public static ConversionAdjustment cancellation(Conversion order) {
        return new ConversionAdjustment("cancel-" + UUID.randomUUID(), order.orderId(), order.occurredAt(),
                ConversionAdjustment.Kind.CANCELLATION, order.revenue(), "test", Trust.VERIFIED);
    }

    public static void send(CampaignChanged changed) {
        sendRaw(Topics.CAMPAIGNS, changed.campaignId().toString(), EventJson.toBytes(changed));
    }

    /** Runs read-only SQL against the real ledger, in a transaction of its own. */
    @SuppressWarnings("unchecked")
    public static List<Object> sql(String query, Object parameter) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(query).setParameter(1, parameter)
                .getResultList());
    }

    /**
     * Rows on which the daily roll-up and the ledger disagree (the ledger grouped by the roll-up's key, days in each
     * programme's current time zone), read in one snapshot; 0 when the roll-up is exact.
     */
    public static long rollupMismatches() {
        String ledger = "SELECT (c.conversion_at AT TIME ZONE coalesce(p.time_zone, 'UTC'))::date AS day,"
                + " (c.conversion_at AT TIME ZONE 'UTC')::date AS utc_day, c.period,"
                + " c.model, c.programme_id, c.campaign_id, c.channel, c.touchpoint_event_id IS NOT NULL AS attributed,"
                + " c.currency, sum(c.amount_minor) AS amount, sum(c.conversion_units) AS units FROM credit c"
                + " LEFT JOIN programme p ON p.programme_id = c.programme_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9"
                + " HAVING sum(c.amount_minor) <> 0 OR sum(c.conversion_units) <> 0";
        String rollup = "SELECT day, utc_day, period, model, programme_id, campaign_id, channel, attributed, currency,"
                + " amount_minor, conversion_units FROM credit_daily WHERE amount_minor <> 0 OR conversion_units <> 0";
        return ((Number) sql("SELECT (SELECT count(*) FROM ((" + ledger + ") EXCEPT (" + rollup + ")) a)"
                + " + (SELECT count(*) FROM ((" + rollup + ") EXCEPT (" + ledger + ")) b) + 0 * ?1", 0).get(0))
                .longValue();
    }

    /** The hour of a day, in UTC. */
    public static Instant at(java.time.LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    /** A fresh anonymous customer. */
    public static Identifiers customer() {
        return Identifiers.anonymous("anon-" + UUID.randomUUID());
    }

    public static Touchpoint visit(Identifiers who, Instant at, Channel channel, String campaignCode) {
        return touch(who, at, channel, InteractionType.VISIT, campaignCode);
    }

    /** A touchpoint of any interaction type. */
    public static Touchpoint touch(Identifiers who, Instant at, Channel channel, InteractionType interaction,
            String campaignCode) {
        return new Touchpoint("tp-" + UUID.randomUUID(), at, channel, interaction, "test", null, campaignCode, who,
                "https://shop.example/", null, Trust.VERIFIED);
    }

    public static Conversion purchase(Identifiers who, Instant at, String amount, String currency) {
        String order = "order-" + UUID.randomUUID();
        return new Conversion("order:" + order, order, at, Money.of(amount, currency), who, null, "web",
                Trust.VERIFIED);
    }

    /** A purchase that redeemed a coupon. */
    public static Conversion purchaseWithCoupon(Identifiers who, Instant at, String amount, String coupon) {
        String order = "order-" + UUID.randomUUID();
        return new Conversion("order:" + order, order, at, Money.of(amount, "EUR"), who, coupon, "pos", Trust.VERIFIED);
    }

    /** Version 1 of a new campaign in a new programme (lookback 30 days). */
    public static CampaignChanged campaign(String programmeName, String campaignName, Channel channel,
            List<String> codes) {
        UUID campaign = UUID.randomUUID();
        return campaign(UUID.randomUUID(), programmeName, campaign, 1, campaignName, channel, codes);
    }

    public static CampaignChanged campaign(UUID programme, String programmeName, UUID campaign, long version,
            String campaignName, Channel channel, List<String> codes) {
        return campaignWithSpans(programme, programmeName, campaign, version, campaignName, channel,
                codes.stream().map(CampaignChanged.TrackingCode::of).toList());
    }

    /** A version of a campaign whose codes have types and validity spans (changed now). */
    public static CampaignChanged campaignWithSpans(UUID programme, String programmeName, UUID campaign, long version,
            String campaignName, Channel channel, List<CampaignChanged.TrackingCode> codes) {
        return new CampaignChanged(CampaignChanged.eventIdOf(campaign, version), campaign, version, Instant.now(),
                new CampaignChanged.ProgrammeRef(programme, programmeName, "EUR", "Europe/Berlin", 30, "linear"),
                campaignName,
                channel, codes, false);
    }

    private static final java.util.concurrent.atomic.AtomicInteger DAYS = new java.util.concurrent.atomic.AtomicInteger();

    /** A day no other test of this JVM uses, so each test reads a report of its own conversions only. */
    public static java.time.LocalDate uniqueDay() {
        return java.time.LocalDate.of(2031, 1, 1).plusDays(DAYS.getAndIncrement());
    }

    /** A unique tracking code. */
    public static String code() {
        return "code-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The attribution report as JSON, for one day. */
    public static JsonPath report(String day, String model, String groupBy) {
        return given().queryParam("from", day).queryParam("to", day).queryParam("model", model)
                .queryParam("groupBy", groupBy)
                .when().get("/api/v1/reports/attribution")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Revenue (as a string) of the report row with this id or name, or null when absent. */
    public static String revenueOf(JsonPath report, String idOrName) {
        List<Map<String, Object>> rows = report.getList("rows");
        return rows.stream()
                .filter(r -> idOrName.equals(r.get("id")) || idOrName.equals(r.get("name")))
                .map(r -> (String) r.get("revenue"))
                .findFirst().orElse(null);
    }
}
