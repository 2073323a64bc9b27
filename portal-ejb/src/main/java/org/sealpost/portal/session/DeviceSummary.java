package org.sealpost.portal.session;

import java.util.List;

/**
 * "Firefox on Windows": what the account page says about the device of a session, derived
 * from its User-Agent header (RFC 9110 §10.1.5) on the server.
 *
 * <p>Only this summary is stored, never the header: the full string is a fingerprinting aid
 * (exact versions, build ids) that the owner does not need to recognise their own devices,
 * and it is text the client chose. The rules are a short ordered list because browsers claim
 * each other's names (every Chromium browser says "Safari", Edge says "Chrome"), so the more
 * specific token has to win; anything unrecognised is "Unknown browser" rather than a guess.
 */
public final class DeviceSummary {

    /** The longest summary stored (the database checks it too). */
    public static final int MAX_LENGTH = 64;

    /** Only this much of a header is looked at, so a huge header costs nothing. */
    private static final int SCANNED = 512;

    static final String UNKNOWN_BROWSER = "Unknown browser";

    private record Rule(String name, List<String> tokens, List<String> unless) {
        boolean matches(String ua) {
            return tokens.stream().anyMatch(ua::contains) && unless.stream().noneMatch(ua::contains);
        }
    }

    private static Rule rule(String name, String... tokens) {
        return new Rule(name, List.of(tokens), List.of());
    }

    private static final List<Rule> BROWSERS = List.of(
            rule("Edge", "Edg/", "EdgA/", "EdgiOS/", "Edge/"),
            rule("Opera", "OPR/", "Opera/", "OPiOS/"),
            rule("Samsung Internet", "SamsungBrowser/"),
            rule("Vivaldi", "Vivaldi/"),
            rule("Firefox", "Firefox/", "FxiOS/"),
            rule("Chromium", "Chromium/"),
            rule("Chrome", "Chrome/", "CriOS/", "HeadlessChrome/"),
            new Rule("Safari", List.of("Safari/"), List.of("Android")),
            rule("Internet Explorer", "MSIE ", "Trident/"));

    private static final List<Rule> SYSTEMS = List.of(
            rule("Windows", "Windows"),
            rule("iPadOS", "iPad"),
            rule("iOS", "iPhone", "iPod"),
            rule("Android", "Android"),
            rule("ChromeOS", "CrOS"),
            rule("macOS", "Macintosh", "Mac OS X"),
            rule("Linux", "Linux", "X11"));

    private DeviceSummary() {}

    /** The summary of a User-Agent header; null or blank gives "Unknown browser". */
    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN_BROWSER;
        }
        String ua = userAgent.length() > SCANNED ? userAgent.substring(0, SCANNED) : userAgent;
        String browser = first(BROWSERS, ua);
        String system = first(SYSTEMS, ua);
        String summary = browser == null ? UNKNOWN_BROWSER : browser;
        if (system != null) {
            summary += " on " + system;
        }
        return summary.length() > MAX_LENGTH ? summary.substring(0, MAX_LENGTH) : summary;
    }

    private static String first(List<Rule> rules, String ua) {
        return rules.stream()
                .filter(r -> r.matches(ua))
                .map(Rule::name)
                .findFirst()
                .orElse(null);
    }
}
