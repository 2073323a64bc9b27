package org.sealpost.portal.session;

import java.util.List;
import java.util.Optional;

/**
 * What the account page says about the device of a session, the browser and the system (Firefox
 * and Windows), derived from its User-Agent header (RFC 9110 §10.1.5) on the server. The names
 * are the products' own; the page says "Firefox on Windows" or "Unknown browser" from its
 * bundle, in the reader's language.
 *
 * <p>Only this summary is stored, never the header: the full string is a fingerprinting aid
 * (exact versions, build ids) that the owner does not need to recognise their own devices,
 * and it is text the client chose. The rules are a short ordered list because browsers claim
 * each other's names (every Chromium browser says "Safari", Edge says "Chrome"), so the more
 * specific token has to win; anything unrecognised is left unnamed rather than guessed.
 *
 * @param browser the browser's name, or null when not recognised
 * @param system  the operating system's name, or null when not recognised
 */
public record DeviceSummary(String browser, String system) {

    /** The longest summary stored (the database checks it too). */
    public static final int MAX_LENGTH = 64;

    /** Only this much of a header is looked at, so a huge header costs nothing. */
    private static final int SCANNED = 512;

    /** Between the two names in the stored form; no name in the lists below contains it. */
    private static final char SEPARATOR = '/';

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

    /** The summary of a User-Agent header; null or blank names neither. */
    public static DeviceSummary of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new DeviceSummary(null, null);
        }
        String ua = userAgent.length() > SCANNED ? userAgent.substring(0, SCANNED) : userAgent;
        return new DeviceSummary(first(BROWSERS, ua), first(SYSTEMS, ua));
    }

    /**
     * The summary as the session row keeps it, {@code Firefox/Windows}, {@code /Linux} or
     * {@code /}: names only, no words of any language.
     */
    public String stored() {
        String stored = Optional.ofNullable(browser).orElse("")
                + SEPARATOR
                + Optional.ofNullable(system).orElse("");
        return stored.length() > MAX_LENGTH ? stored.substring(0, MAX_LENGTH) : stored;
    }

    /**
     * The summary a session row keeps. A row written before the names were kept apart holds an
     * English phrase ("Firefox on Windows"), which is given back whole as the browser's name.
     */
    public static DeviceSummary fromStored(String stored) {
        if (stored == null) {
            return new DeviceSummary(null, null);
        }
        int at = stored.indexOf(SEPARATOR);
        if (at < 0) {
            return new DeviceSummary(stored.isBlank() ? null : stored, null);
        }
        String browser = stored.substring(0, at);
        String system = stored.substring(at + 1);
        return new DeviceSummary(browser.isEmpty() ? null : browser, system.isEmpty() ? null : system);
    }

    private static String first(List<Rule> rules, String ua) {
        return rules.stream()
                .filter(r -> r.matches(ua))
                .map(Rule::name)
                .findFirst()
                .orElse(null);
    }
}
