package org.sealpost.web.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class HumanDatesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z"); // 10:30 in Berlin

    private final HumanDates dates =
            new HumanDates(BERLIN, Locale.ENGLISH, "HH:mm", "d MMM", "d MMM yyyy", "d MMMM yyyy, HH:mm");

    @Test
    void aMessageOfTodayShowsOnlyItsTimeInTheDisplayZone() {
        assertThat(dates.brief(Instant.parse("2026-12-01T07:05:00Z"), NOW)).isEqualTo("08:05");
    }

    @Test
    void todayIsTheDisplayZonesDayNotUtcs() {
        // 23:30 UTC on 30 November is already 1 December in Berlin: today there.
        assertThat(dates.brief(Instant.parse("2026-11-30T23:30:00Z"), NOW)).isEqualTo("00:30");
        // And in UTC the same instant is yesterday.
        HumanDates utc = new HumanDates(ZoneId.of("UTC"), Locale.ENGLISH, "HH:mm", "d MMM", "d MMM yyyy", "d MMM yyyy");
        assertThat(utc.brief(Instant.parse("2026-11-30T23:30:00Z"), NOW)).isEqualTo("30 Nov");
    }

    @Test
    void anEarlierDayOfThisYearShowsDayAndMonth() {
        assertThat(dates.brief(Instant.parse("2026-02-14T12:00:00Z"), NOW)).isEqualTo("14 Feb");
    }

    @Test
    void anOlderMessageShowsTheFullDate() {
        assertThat(dates.brief(Instant.parse("2025-12-31T12:00:00Z"), NOW)).isEqualTo("31 Dec 2025");
    }

    @Test
    void aDateInTheFutureOfAnotherYearKeepsItsYear() {
        assertThat(dates.brief(Instant.parse("2027-01-02T12:00:00Z"), NOW)).isEqualTo("2 Jan 2027");
    }

    @Test
    void theMonthNamesAreTheReadersLanguage() {
        HumanDates german = new HumanDates(BERLIN, Locale.GERMAN, "HH:mm", "d. MMM", "d. MMM yyyy", "d. MMMM yyyy");
        assertThat(german.full(Instant.parse("2026-03-05T12:00:00Z"))).isEqualTo("5. März 2026");
    }

    @Test
    void theFullFormHasDateAndTimeInTheDisplayZone() {
        assertThat(dates.full(Instant.parse("2026-07-04T22:15:00Z"))).isEqualTo("5 July 2026, 00:15");
    }

    @Test
    void noDateIsShownAsNothing() {
        assertThat(dates.brief(null, NOW)).isEmpty();
        assertThat(dates.full(null)).isEmpty();
        assertThat(HumanDates.iso(null)).isEmpty();
    }

    @Test
    void theMachineReadableFormIsIsoInstant() {
        assertThat(HumanDates.iso(Instant.parse("2026-07-04T22:15:00Z"))).isEqualTo("2026-07-04T22:15:00Z");
    }

    @Test
    void theGermanBundlesPatternsReadAsGermanDates() {
        ResourceBundle texts = ResourceBundle.getBundle("org.sealpost.web.messages", Locale.GERMAN);
        HumanDates german = new HumanDates(
                BERLIN,
                Locale.GERMAN,
                texts.getString("format.date.today"),
                texts.getString("format.date.thisYear"),
                texts.getString("format.date.older"),
                texts.getString("format.date.full"));
        Instant now = Instant.parse("2026-12-20T09:30:00Z");
        assertThat(german.brief(Instant.parse("2026-12-20T07:05:00Z"), now)).isEqualTo("08:05");
        assertThat(german.brief(Instant.parse("2026-12-03T12:00:00Z"), now)).isEqualTo("3. Dez.");
        assertThat(german.brief(Instant.parse("2025-03-05T12:00:00Z"), now)).isEqualTo("5. März 2025");
        assertThat(german.full(Instant.parse("2026-07-04T22:15:00Z"))).isEqualTo("5. Juli 2026, 00:15");
    }
}
