package io.tally.campaign.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tally.campaign.api.Listing;
import io.tally.events.Channel;
import io.tally.support.problem.ProblemException;

/** The campaign list's filters as HQL, without a database. */
class CampaignFilterTest {

    private static final UUID PROGRAMME = UUID.fromString("0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60");

    @Test
    void withoutFiltersListsTheProgrammesLiveCampaignsByCreation() {
        Listing.Query query = new CampaignFilter(PROGRAMME, null, null, null).query(null);

        assertThat(query.hql()).isEqualTo("programme.id = :programme and deletedAt is null"
                + " order by createdAt, id");
        assertThat(query.parameters()).containsOnly(entry("programme", PROGRAMME));
    }

    @Test
    void eachFilterAddsItsConditionAndParameter() {
        LocalDate day = LocalDate.of(2026, 11, 27);
        Listing.Query query = new CampaignFilter(PROGRAMME, Channel.EMAIL, " Black_Friday ", day).query("-name");

        assertThat(query.hql()).isEqualTo("programme.id = :programme and deletedAt is null and channel = :channel"
                + " and lower(name) like :name"
                + " and (startDate is null or startDate <= :day) and (endDate is null or endDate >= :day)"
                + " order by lower(name) desc, id desc");
        assertThat(query.parameters()).containsOnly(entry("programme", PROGRAMME), entry("channel", Channel.EMAIL),
                entry("name", "%black\\_friday%"), entry("day", day));
    }

    @Test
    void aBlankNameFiltersNothing() {
        assertThat(new CampaignFilter(PROGRAMME, null, "  ", null).query("startDate").parameters())
                .containsOnlyKeys("programme");
    }

    @Test
    void anUnknownSortFieldIsA400NamingSort() {
        assertThatThrownBy(() -> new CampaignFilter(PROGRAMME, null, null, null).query("status"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).extracting(v -> v.field()).containsExactly("sort");
                });
    }
}
