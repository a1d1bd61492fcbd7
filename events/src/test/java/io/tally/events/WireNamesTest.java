package io.tally.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class WireNamesTest {

    @Test
    void everyConstantTravelsAsItsLowerCaseNameAndReadsBack() {
        for (Class<? extends Enum<?>> type : List.of(Channel.class, InteractionType.class, Trust.class,
                TouchKind.class, Attribution.Kind.class)) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String wire = WireNames.of(constant);
                assertThat(wire).isEqualTo(constant.name().toLowerCase(Locale.ROOT));
                assertThat(find(type, wire)).contains(constant);
                assertThat(find(type, "  " + constant.name() + "\t")).as("trimmed, any case").contains(constant);
            }
        }
    }

    @Test
    void unknownNamesAreEmptyAndLookAlikesDoNotMatch() {
        assertThat(WireNames.find(Channel.class, null)).isEmpty();
        assertThat(WireNames.find(Channel.class, "")).isEmpty();
        assertThat(WireNames.find(Channel.class, "telepathy")).isEmpty();
        assertThat(WireNames.find(Channel.class, "paid social")).isEmpty();
        // a dotless ı upper-cases to I: not the channel paid_social
        assertThat(WireNames.find(Channel.class, "paıd_socıal")).isEmpty();
        assertThatThrownBy(() -> WireNames.parse(Channel.class, "telepathy", "channel"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown channel: telepathy (one of ")
                .hasMessageContaining("paid_social");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static java.util.Optional<Enum<?>> find(Class<? extends Enum<?>> type, String name) {
        return (java.util.Optional) WireNames.find((Class) type, name);
    }
}
