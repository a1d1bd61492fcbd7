package io.tally.connectors.social.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import io.tally.events.InteractionType;

/** What someone did with an organic post, and the touchpoint interaction it stands for. */
public enum EngagementType {
    POST_CLICK("post_click", InteractionType.CLICK), SHARE("share", InteractionType.ENGAGEMENT), COMMENT("comment",
            InteractionType.ENGAGEMENT);

    private final String wireName;
    private final InteractionType interaction;

    EngagementType(String wireName, InteractionType interaction) {
        this.wireName = wireName;
        this.interaction = interaction;
    }

    public String wireName() {
        return wireName;
    }

    public InteractionType interaction() {
        return interaction;
    }

    public static Optional<EngagementType> fromWireName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wanted)).findFirst();
    }
}
