package org.sealpost.web.format;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A date the way a mail list shows it: today only the time, earlier this year day and month,
 * older the full date; all in one display zone, so "today" is the reader's day and not the
 * server's. The three patterns come from the resource bundle, so a translation picks its own
 * order and separators.
 */
public final class HumanDates {

    private final ZoneId zone;
    private final DateTimeFormatter today;
    private final DateTimeFormatter thisYear;
    private final DateTimeFormatter older;
    private final DateTimeFormatter full;

    /**
     * @param zone     the display zone
     * @param locale   the reader's locale (month names)
     * @param today    pattern for a moment of the current day, e.g. {@code HH:mm}
     * @param thisYear pattern for an earlier day of the current year, e.g. {@code d MMM}
     * @param older    pattern for anything else, e.g. {@code d MMM yyyy}
     * @param full     pattern for a date shown on its own, with the time, e.g. {@code d MMMM yyyy, HH:mm}
     */
    public HumanDates(ZoneId zone, Locale locale, String today, String thisYear, String older, String full) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.today = DateTimeFormatter.ofPattern(today, locale);
        this.thisYear = DateTimeFormatter.ofPattern(thisYear, locale);
        this.older = DateTimeFormatter.ofPattern(older, locale);
        this.full = DateTimeFormatter.ofPattern(full, locale);
    }

    /** The short form for a list, relative to {@code now}; empty for no date. */
    public String brief(Instant when, Instant now) {
        if (when == null) {
            return "";
        }
        ZonedDateTime at = when.atZone(zone);
        ZonedDateTime current = now.atZone(zone);
        if (at.toLocalDate().equals(current.toLocalDate())) {
            return today.format(at);
        }
        // A date in the future (a sender's clock ahead of ours) is still shown with its year
        // unless it is this year's: never a bare time that looks like today.
        if (at.getYear() == current.getYear()) {
            return thisYear.format(at);
        }
        return older.format(at);
    }

    /** Date and time in full, for a message's own page; empty for no date. */
    public String full(Instant when) {
        return when == null ? "" : full.format(when.atZone(zone));
    }

    /** The machine-readable form for a {@code <time datetime>} attribute (HTML: a valid global date and time string). */
    public static String iso(Instant when) {
        return when == null ? "" : DateTimeFormatter.ISO_INSTANT.format(when);
    }
}
