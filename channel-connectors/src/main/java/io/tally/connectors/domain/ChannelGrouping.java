package io.tally.connectors.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import io.tally.events.Channel;
import io.tally.events.ClickIds;

/**
 * The channel grouping: which {@link Channel} a visit belongs to. Per-deployment {@link OverrideRule}s are tried first (the
 * first matching one wins), then the default rules below, in order; the first match wins. Media, sources and hosts are
 * compared case-insensitively.
 *
 * <table>
 * <caption>Default rule table</caption>
 * <tr><th>#</th><th>when</th><th>channel</th></tr>
 * <tr><td>1</td><td>click id {@code gclid}, {@code gbraid}, {@code wbraid} (Google) or {@code msclkid} (Microsoft): ad
 * clicks only</td><td>paid_search</td></tr>
 * <tr><td>2</td><td>click id {@code ttclid} (TikTok) or {@code li_fat_id} (LinkedIn): ad clicks only</td>
 * <td>paid_social</td></tr>
 * <tr><td>3</td><td>click id {@code fbclid} (Meta) and a paid medium (cpc, ppc, paid, paid_social, paidsocial). Meta adds
 * {@code fbclid} to organic links too, so it never decides paid alone: with another medium, rules 4 to 13 decide</td>
 * <td>paid_social</td></tr>
 * <tr><td>4</td><td>medium cpc, ppc or paid, and a social source (facebook, instagram, ...)</td><td>paid_social</td></tr>
 * <tr><td>5</td><td>medium cpc, ppc, paidsearch, paid_search</td><td>paid_search</td></tr>
 * <tr><td>6</td><td>medium paid_social, paidsocial</td><td>paid_social</td></tr>
 * <tr><td>7</td><td>medium social, social-network, social-media, sm, organic_social</td><td>organic_social</td></tr>
 * <tr><td>8</td><td>medium email, e-mail, newsletter</td><td>email</td></tr>
 * <tr><td>9</td><td>medium display, banner, cpm</td><td>display</td></tr>
 * <tr><td>10</td><td>medium affiliate</td><td>affiliate</td></tr>
 * <tr><td>11</td><td>medium referral</td><td>referral</td></tr>
 * <tr><td>12</td><td>medium offline (and the other offline media: mail, phone, event, store, ...)</td><td>that
 * channel</td></tr>
 * <tr><td>13</td><td>any other medium (including paid without a social source)</td><td>other</td></tr>
 * <tr><td>14</td><td>no medium; click id {@code fbclid} (a shared or organic Meta link)</td><td>organic_social</td></tr>
 * <tr><td>15</td><td>no medium; referrer is a search engine (google., bing.com, ...)</td><td>organic_search</td></tr>
 * <tr><td>16</td><td>no medium; referrer is a social network (facebook.com, t.co, ...)</td><td>organic_social</td></tr>
 * <tr><td>17</td><td>no medium; referrer is the site itself (the landing host, or a configured internal host)</td>
 * <td>direct</td></tr>
 * <tr><td>18</td><td>no medium; any other referrer host</td><td>referral</td></tr>
 * <tr><td>19</td><td>otherwise (no referrer)</td><td>direct</td></tr>
 * </table>
 *
 * Host patterns ending in a dot ({@code google.}) match that label anywhere before the suffix ({@code www.google.co.uk});
 * the others match the domain and its subdomains ({@code m.facebook.com}). A page view from the site itself without
 * campaign parameters is not a visit at all but internal navigation ({@link #isInternal}); the web mapper publishes it
 * as a {@code page_view}, on the channel these rules give (rule 17: direct), and it never earns credit.
 */
public final class ChannelGrouping {

    /** Meta's click id: on ads and on organic links alike, so the medium decides. */
    static final String FBCLID = "fbclid";

    static final Set<String> PAID_MEDIA = Set.of("cpc", "ppc", "paid");
    static final Set<String> PAID_SOCIAL_MEDIA = Set.of("cpc", "ppc", "paid", "paid_social", "paidsocial");
    static final Set<String> SOCIAL_SOURCES = Set.of("facebook", "fb", "instagram", "ig", "meta", "linkedin", "tiktok",
            "x", "twitter", "pinterest", "reddit", "youtube", "snapchat");
    static final List<String> SEARCH_HOSTS = List.of("google.", "bing.com", "duckduckgo.com", "yahoo.", "baidu.com",
            "yandex.", "ecosia.org");
    static final List<String> SOCIAL_HOSTS = List.of("facebook.com", "instagram.com", "t.co", "x.com", "twitter.com",
            "linkedin.com", "lnkd.in", "tiktok.com", "pinterest.", "reddit.com", "youtube.com");

    private static final Map<String, Channel> MEDIA = Map.ofEntries(
            Map.entry("cpc", Channel.PAID_SEARCH),
            Map.entry("ppc", Channel.PAID_SEARCH),
            Map.entry("paidsearch", Channel.PAID_SEARCH),
            Map.entry("paid_search", Channel.PAID_SEARCH),
            Map.entry("paid_social", Channel.PAID_SOCIAL),
            Map.entry("paidsocial", Channel.PAID_SOCIAL),
            Map.entry("social", Channel.ORGANIC_SOCIAL),
            Map.entry("social-network", Channel.ORGANIC_SOCIAL),
            Map.entry("social-media", Channel.ORGANIC_SOCIAL),
            Map.entry("sm", Channel.ORGANIC_SOCIAL),
            Map.entry("organic_social", Channel.ORGANIC_SOCIAL),
            Map.entry("email", Channel.EMAIL),
            Map.entry("e-mail", Channel.EMAIL),
            Map.entry("newsletter", Channel.EMAIL),
            Map.entry("display", Channel.DISPLAY),
            Map.entry("banner", Channel.DISPLAY),
            Map.entry("cpm", Channel.DISPLAY),
            Map.entry("affiliate", Channel.AFFILIATE),
            Map.entry("referral", Channel.REFERRAL),
            Map.entry("direct_mail", Channel.DIRECT_MAIL),
            Map.entry("directmail", Channel.DIRECT_MAIL),
            Map.entry("mail", Channel.DIRECT_MAIL),
            Map.entry("print", Channel.DIRECT_MAIL),
            Map.entry("qr", Channel.DIRECT_MAIL),
            Map.entry("phone", Channel.PHONE),
            Map.entry("sms", Channel.PHONE),
            Map.entry("event", Channel.EVENTS),
            Map.entry("events", Channel.EVENTS),
            Map.entry("retail", Channel.RETAIL),
            Map.entry("store", Channel.RETAIL),
            Map.entry("in_store", Channel.RETAIL),
            Map.entry("offline", Channel.OFFLINE));

    private ChannelGrouping() {
    }

    /** The channel of a visit: the first matching override, else the default rule table. */
    public static Channel channelOf(TrafficSource visit, List<OverrideRule> overrides) {
        return channelOf(visit, overrides, List.of());
    }

    /**
     * The channel of a visit: the first matching override, else the default rule table, where a referrer on one of
     * {@code internalHosts} is the site itself (rule 17).
     */
    public static Channel channelOf(TrafficSource visit, List<OverrideRule> overrides, List<String> internalHosts) {
        for (OverrideRule override : overrides) {
            if (override.matches(visit)) {
                return override.channel();
            }
        }
        return defaultChannelOf(visit, internalHosts);
    }

    /**
     * Whether the visit's referrer is the site itself: the landing host (both without {@code www.}), or one of
     * {@code internalHosts} (a domain matches itself and its subdomains). False without a referrer.
     */
    public static boolean fromSite(TrafficSource visit, List<String> internalHosts) {
        String referrer = visit.referrerHost();
        return referrer != null && (referrer.equals(visit.landingHost()) || matchesAny(referrer, internalHosts));
    }

    /**
     * Whether a page view is internal navigation: its referrer is the site itself ({@link #fromSite}) and it carries
     * no UTM parameter and no click id. It only keeps a web session alive; it is never a touch.
     *
     * @param utmCampaign the page's {@code utm_campaign} (not part of {@link TrafficSource})
     */
    public static boolean isInternal(TrafficSource visit, String utmCampaign, List<String> internalHosts) {
        return visit.utmSource() == null && visit.utmMedium() == null && (utmCampaign == null || utmCampaign.isBlank())
                && visit.clickIds().isEmpty() && fromSite(visit, internalHosts);
    }

    /**
     * The ad network of the first click id present ({@code google}, {@code microsoft}, {@code meta}, {@code tiktok},
     * {@code linkedin}), in {@link ClickIds#NAMES} order; empty without click ids.
     */
    public static Optional<String> networkOf(Set<String> clickIds) {
        return ClickIds.NAMES.stream().filter(clickIds::contains).findFirst().map(ClickIds.NETWORKS::get);
    }

    /** The channel of a visit, by the default rule table above. */
    public static Channel channelOf(TrafficSource visit) {
        return defaultChannelOf(visit, List.of());
    }

    private static Channel defaultChannelOf(TrafficSource visit, List<String> internalHosts) {
        Set<String> clickIds = visit.clickIds();
        if (clickIds.stream().anyMatch(ClickIds.PAID_SEARCH::contains)) {
            return Channel.PAID_SEARCH;
        }
        if (clickIds.stream().anyMatch(ClickIds.PAID_SOCIAL::contains)) {
            return Channel.PAID_SOCIAL;
        }
        String medium = visit.utmMedium();
        if (medium != null) {
            if (clickIds.contains(FBCLID) && PAID_SOCIAL_MEDIA.contains(medium)) {
                return Channel.PAID_SOCIAL;
            }
            if (PAID_MEDIA.contains(medium) && isSocialSource(visit.utmSource())) {
                return Channel.PAID_SOCIAL;
            }
            return MEDIA.getOrDefault(medium, Channel.OTHER);
        }
        if (clickIds.contains(FBCLID)) {
            return Channel.ORGANIC_SOCIAL;
        }
        String referrer = visit.referrerHost();
        if (referrer == null) {
            return Channel.DIRECT;
        }
        if (matchesAny(referrer, SEARCH_HOSTS)) {
            return Channel.ORGANIC_SEARCH;
        }
        if (matchesAny(referrer, SOCIAL_HOSTS)) {
            return Channel.ORGANIC_SOCIAL;
        }
        return fromSite(visit, internalHosts) ? Channel.DIRECT : Channel.REFERRAL;
    }

    /** A UTM source naming a social network, by name ({@code facebook}) or by host ({@code m.facebook.com}). */
    static boolean isSocialSource(String source) {
        return source != null && (SOCIAL_SOURCES.contains(source) || matchesAny(source, SOCIAL_HOSTS));
    }

    static boolean matchesAny(String host, List<String> patterns) {
        String dotted = "." + host;
        for (String pattern : patterns) {
            boolean matches = pattern.endsWith(".") ? dotted.contains("." + pattern) : dotted.endsWith("." + pattern);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /**
     * A per-deployment rule that wins over the defaults: each pattern that is set must match (case-insensitive,
     * {@code *} matches any run of characters, the whole value must match); an unset pattern matches anything. A value
     * the visit does not have is matched as the empty string, so only {@code *} matches it.
     *
     * @param source pattern for {@code utm_source}, or null
     * @param medium pattern for {@code utm_medium}, or null
     * @param referrerHost pattern for the referrer host (without {@code www.}), or null
     * @param channel the channel of a matching visit
     */
    public record OverrideRule(String source, String medium, String referrerHost, Channel channel) {

        public OverrideRule {
            if (channel == null) {
                throw new IllegalArgumentException("an override needs a channel");
            }
            source = blankToNull(source);
            medium = blankToNull(medium);
            referrerHost = blankToNull(referrerHost);
            if (source == null && medium == null && referrerHost == null) {
                throw new IllegalArgumentException(
                        "an override needs at least one of source, medium and referrer-host");
            }
        }

        public boolean matches(TrafficSource visit) {
            return matchesPattern(source, visit.utmSource()) && matchesPattern(medium, visit.utmMedium())
                    && matchesPattern(referrerHost, visit.referrerHost());
        }

        private static boolean matchesPattern(String pattern, String value) {
            if (pattern == null) {
                return true;
            }
            StringJoiner regex = new StringJoiner(".*");
            for (String literal : pattern.trim().toLowerCase(Locale.ROOT).split("\\*", -1)) {
                regex.add(Pattern.quote(literal));
            }
            String built = regex.toString();
            return Pattern.matches(built, value == null ? "" : value.toLowerCase(Locale.ROOT));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
