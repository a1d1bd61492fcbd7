package io.tally.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tally.events.json.EventJson;
import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

class ModelSettingsTest {

    private static List<String> problems(ModelSettings settings) {
        Violations v = new Violations();
        settings.validate(v);
        return v.list().stream().map(Violation::field).toList();
    }

    @Test
    void validSettingsPassAndReadBack() {
        ModelSettings s = new ModelSettings(Map.of("Email_Open", new BigDecimal("0.25"), "impression",
                BigDecimal.ZERO), Map.of("position_based", "30/40/30"), "PT12H", 2);
        assertThat(problems(s)).isEmpty();
        ModelSettings c = s.canonical();
        assertThat(c.touchWeights()).containsOnlyKeys("email_open", "impression");
        assertThat(c.weightOf(TouchKind.EMAIL_OPEN)).contains(new BigDecimal("0.25"));
        assertThat(c.weightOf(TouchKind.VISIT)).isEmpty();
        assertThat(c.halfLife()).contains(Duration.ofHours(12));
        assertThat(new ModelSettings(null, null, "P7D", null).canonical().timeDecayHalfLife()).isEqualTo("P7D");
        assertThat(new ModelSettings(null, null, "PT168H", null).canonical().timeDecayHalfLife()).isEqualTo("P7D");
        assertThat(ModelSettings.shares(" 0.4 / 0.2/0.4")).contains(List.of(new BigDecimal("0.4"),
                new BigDecimal("0.2"), new BigDecimal("0.4")));
        assertThat(ModelSettings.NONE.isDefault()).isTrue();
        assertThat(c.isDefault()).isFalse();
    }

    @Test
    void eachBadPartIsNamed() {
        assertThat(problems(new ModelSettings(Map.of("page_view", BigDecimal.ONE), null, null, null)))
                .containsExactly("touchWeights.page_view");
        assertThat(problems(new ModelSettings(Map.of("click", new BigDecimal("-0.1")), null, null, null)))
                .containsExactly("touchWeights.click");
        assertThat(problems(new ModelSettings(Map.of("click", new BigDecimal("100.5")), null, null, null)))
                .containsExactly("touchWeights.click");
        assertThat(problems(new ModelSettings(Map.of("click", new BigDecimal("0.1234567")), null, null, null)))
                .containsExactly("touchWeights.click");
        assertThat(problems(new ModelSettings(null, Map.of("linear", "1/1/1"), null, null)))
                .containsExactly("positionShares.linear");
        for (String bad : List.of("0.5/0.5", "0/0/0", "a/b/c", "0.5/-0.1/0.6", "1/1/1/1")) {
            assertThat(problems(new ModelSettings(null, Map.of("j_curve", bad), null, null))).as(bad)
                    .containsExactly("positionShares.j_curve");
        }
        for (String bad : List.of("7 days", "PT59M", "P366D", "-P1D")) {
            assertThat(problems(new ModelSettings(null, null, bad, null))).as(bad)
                    .containsExactly("timeDecayHalfLife");
        }
        assertThat(problems(new ModelSettings(null, null, null, 0))).containsExactly("markovOrder");
        assertThat(problems(new ModelSettings(null, null, null, 4))).containsExactly("markovOrder");
    }

    @Test
    void travelsWithTheProgrammeAndOlderEventsReadAsNone() throws Exception {
        ModelSettings s = new ModelSettings(Map.of("email_open", new BigDecimal("0.2")), Map.of("custom", "1/0/1"),
                "P3D", 3);
        CampaignChanged event = new CampaignChanged("e1", UUID.randomUUID(), 1, Instant.parse("2026-11-01T00:00:00Z"),
                new CampaignChanged.ProgrammeRef(UUID.randomUUID(), "P", "EUR", "UTC", 30, "linear", s), "C",
                Channel.EMAIL, List.of(), false);
        String json = EventJson.mapper().writeValueAsString(event);
        CampaignChanged read = EventJson.mapper().readValue(json, CampaignChanged.class);
        assertThat(read.programme().modelSettings()).isEqualTo(s);

        String old = json.replaceAll(",\"modelSettings\":\\{[^}]*\\}[^}]*\\}[^}]*\\}", "");
        assertThat(old).doesNotContain("modelSettings");
        assertThat(EventJson.mapper().readValue(old, CampaignChanged.class).programme().modelSettings())
                .isEqualTo(ModelSettings.NONE);
    }
}
