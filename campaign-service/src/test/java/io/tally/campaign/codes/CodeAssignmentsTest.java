package io.tally.campaign.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tally.campaign.codes.CodeAssignments.Conflict;
import io.tally.campaign.codes.CodeAssignments.Requested;

class CodeAssignmentsTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final Instant DEC_1 = Instant.parse("2026-11-30T23:00:00Z");
    private static final Instant JAN_1 = Instant.parse("2026-12-31T23:00:00Z");

    @Test
    void aFreeCodeIsHeldSinceEverAndOpenEnded() {
        assertThat(CodeAssignments.assign(A, List.of(new Requested("bf", "coupon")), List.of()))
                .containsExactly(new CodeSpan(A, "bf", "coupon", null, null));
    }

    @Test
    void aCodeHeldOpenEndedByAnotherCampaignIsAConflictNamingIt() {
        CodeSpan theirs = new CodeSpan(B, "bf", "other", null, null);
        assertThatThrownBy(() -> CodeAssignments.assign(A, List.of(new Requested("bf", "other")), List.of(theirs)))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.span()).isEqualTo(theirs));
    }

    @Test
    void aCodeOnceHeldByAnotherCampaignIsFreeFromTheEndOfItsLastSpan() {
        List<CodeSpan> spans = List.of(new CodeSpan(B, "bf", "other", null, DEC_1));
        assertThat(CodeAssignments.assign(A, List.of(new Requested("bf", "utm_campaign")), spans))
                .containsExactly(new CodeSpan(A, "bf", "utm_campaign", DEC_1, null));
    }

    @Test
    void codesAlreadyHeldKeepTheirSpansWithTheRequestedTypeAndOthersAreDropped() {
        List<CodeSpan> spans = List.of(new CodeSpan(A, "bf", "other", DEC_1, null),
                new CodeSpan(B, "bf", "other", null, DEC_1));
        assertThat(CodeAssignments.assign(A, List.of(new Requested("bf", "coupon")), spans))
                .containsExactly(new CodeSpan(A, "bf", "coupon", DEC_1, null));
        assertThat(CodeAssignments.assign(A, List.of(), spans)).isEmpty();
    }

    @Test
    void repointingEndsTheCurrentSpanWhereTheNewOneBeginsAndKeepsTheType() {
        Map<UUID, List<CodeSpan>> changed = CodeAssignments.repoint("bf", null, B, DEC_1,
                List.of(new CodeSpan(A, "bf", "coupon", null, null)));
        assertThat(changed).containsOnlyKeys(A, B);
        assertThat(changed.get(A)).containsExactly(new CodeSpan(A, "bf", "coupon", null, DEC_1));
        assertThat(changed.get(B)).containsExactly(new CodeSpan(B, "bf", "coupon", DEC_1, null));

        // and back again a month later: A keeps its first span and gets a second one
        Map<UUID, List<CodeSpan>> back = CodeAssignments.repoint("bf", "offline", A, JAN_1,
                List.of(changed.get(A).get(0), changed.get(B).get(0)));
        assertThat(back.get(B)).containsExactly(new CodeSpan(B, "bf", "coupon", DEC_1, JAN_1));
        assertThat(back.get(A)).containsExactly(new CodeSpan(A, "bf", "coupon", null, DEC_1),
                new CodeSpan(A, "bf", "offline", JAN_1, null));
    }

    @Test
    void aFreeCodeCanBePointedFromAnInstantOn() {
        assertThat(CodeAssignments.repoint("bf", "coupon", B, DEC_1, List.of()))
                .containsExactly(Map.entry(B, List.of(new CodeSpan(B, "bf", "coupon", DEC_1, null))));
    }

    @Test
    void repointingCannotRewriteTheCurrentSpanFromItsStartOrAnEarlierSpan() {
        CodeSpan current = new CodeSpan(A, "bf", "other", DEC_1, null);
        assertThatThrownBy(() -> CodeAssignments.repoint("bf", null, B, DEC_1, List.of(current)))
                .isInstanceOf(Conflict.class).hasMessageContaining("later instant");
        assertThatThrownBy(() -> CodeAssignments.repoint("bf", null, A, JAN_1, List.of(current)))
                .isInstanceOf(Conflict.class).hasMessageContaining("already points at this campaign");
        CodeSpan ended = new CodeSpan(A, "bf", "other", null, JAN_1);
        assertThatThrownBy(() -> CodeAssignments.repoint("bf", null, B, DEC_1, List.of(ended)))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.span()).isEqualTo(ended));
    }

    @Test
    void onlyContractTypesAreAccepted() {
        assertThat(CodeAssignments.problemWithType("coupon")).isEmpty();
        assertThat(CodeAssignments.problemWithType(null)).isEmpty();
        assertThat(CodeAssignments.problemWithType("sms")).get().asString().contains("utm_campaign");
    }
}
