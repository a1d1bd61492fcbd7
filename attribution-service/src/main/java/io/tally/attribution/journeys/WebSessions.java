package io.tally.attribution.journeys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.tally.events.Channel;
import io.tally.events.ClickIds;
import io.tally.events.InteractionType;

/**
 * Groups one profile's web page views into sessions, so that one session is one {@code visit} touch: its entry page
 * view. Feed the profile's touches in time order to {@link #isTouch}, and {@link #reset()} between profiles. Only page
 * views are sessionized (interaction {@code visit} or {@code page_view}); every other touch passes unchanged.
 *
 * <p>
 * A {@code visit} starts a new session when no session is open; when more than {@link Rules#inactivity()} passed since
 * the session's last page view (exactly the window still continues); when it carries a campaign whose key (channel,
 * source, medium, campaign code, click id and value) differs from the session's entry campaign; or when it comes from an
 * external referrer (no campaign, a channel other than {@code direct}) whose source differs from the session's entry
 * source. Otherwise it continues the session, as a direct visit (no campaign, no referrer) inside the window does. A
 * {@code page_view} (internal navigation) is never a touch: inside the window it continues the session; after it, it
 * reopens a session silently, with no entry campaign or source, which later page views may continue.
 */
public final class WebSessions {

    private static final String VISIT = InteractionType.VISIT.wireName();
    private static final String PAGE_VIEW = InteractionType.PAGE_VIEW.wireName();
    private static final String DIRECT = Channel.DIRECT.wireName();

    /**
     * The session rules ({@code tally.attribution.sessions.*}).
     *
     * @param inactivity a gap longer than this between two page views ends the session (positive)
     * @param newOnCampaign whether a different campaign inside the window starts a new session
     * @param newOnReferrer whether a different external referrer inside the window starts a new session
     */
    public record Rules(Duration inactivity, boolean newOnCampaign, boolean newOnReferrer) {

        /** 30 minutes of inactivity, a new campaign or a new external referrer start a session. */
        public static final Rules DEFAULT = new Rules(Duration.ofMinutes(30), true, true);

        public Rules {
            if (inactivity == null || inactivity.isNegative() || inactivity.isZero()) {
                throw new IllegalArgumentException("tally.attribution.sessions.inactivity must be positive, was "
                        + inactivity);
            }
        }
    }

    /** What the rules read of a stored touch. */
    public record Hit(Instant at, String interaction, String channel, String source, String medium,
            String campaignCode, String url) {
    }

    /** What makes two campaign landings the same campaign. */
    record CampaignKey(String channel, String source, String medium, String campaignCode, String clickId) {
    }

    private final Rules rules;
    private boolean open;
    private Instant lastActivity;
    private CampaignKey entryCampaign;
    private String entrySource;

    public WebSessions(Rules rules) {
        this.rules = Objects.requireNonNull(rules);
    }

    /** Whether touches of this interaction type (a wire name) are sessionized: {@code visit} and {@code page_view}. */
    public static boolean sessionized(String interaction) {
        return VISIT.equals(interaction) || PAGE_VIEW.equals(interaction);
    }

    /**
     * The interaction types a journey must read to be sessionized: {@code eligible} plus {@code page_view} when
     * {@code visit} is among them (page views only keep sessions alive, so without visits they are not needed).
     */
    public static List<String> withPageViews(Collection<String> eligible) {
        List<String> read = new ArrayList<>(eligible);
        if (read.contains(VISIT) && !read.contains(PAGE_VIEW)) {
            read.add(PAGE_VIEW);
        }
        return List.copyOf(read);
    }

    /** Forgets the open session: the next page view belongs to another profile. */
    public void reset() {
        open = false;
        lastActivity = null;
        entryCampaign = null;
        entrySource = null;
    }

    /**
     * Whether the touch is a touch of the journey: any touch that is not a page view; a page view only when it starts a
     * session. Updates the open session.
     */
    public boolean isTouch(Hit hit) {
        if (!sessionized(hit.interaction())) {
            return true;
        }
        boolean expired = !open || Duration.between(lastActivity, hit.at()).compareTo(rules.inactivity()) > 0;
        lastActivity = hit.at();
        open = true;
        if (PAGE_VIEW.equals(hit.interaction())) {
            if (expired) {
                entryCampaign = null;
                entrySource = null;
            }
            return false;
        }
        CampaignKey campaign = campaignOf(hit);
        String referrer = campaign == null && !DIRECT.equals(hit.channel()) ? hit.source() : null;
        boolean starts = expired
                || rules.newOnCampaign() && campaign != null && !campaign.equals(entryCampaign)
                || rules.newOnReferrer() && referrer != null && !referrer.equals(entrySource);
        if (starts) {
            entryCampaign = campaign;
            entrySource = hit.source();
        }
        return starts;
    }

    /**
     * The visit's campaign, or null when it carries none: it has one when it has a medium, a campaign code, a
     * {@code utm_source} or a click id in its URL.
     */
    static CampaignKey campaignOf(Hit hit) {
        Map<String, String> query = ClickIds.query(hit.url());
        String clickId = ClickIds.NAMES.stream().filter(query::containsKey).findFirst()
                .map(name -> name + "=" + query.get(name)).orElse(null);
        if (hit.medium() == null && hit.campaignCode() == null && clickId == null
                && !query.containsKey("utm_source")) {
            return null;
        }
        return new CampaignKey(hit.channel(), hit.source(), hit.medium(), hit.campaignCode(), clickId);
    }
}
