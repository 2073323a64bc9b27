package org.sealpost.mailformat.internal;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealpost.mailformat.MimeProblem.Kind;

/**
 * Reads the RFC 5322 {@code Date} header forgivingly: optional day name, one- or two-digit day,
 * two- or four-digit year (section 4.3), optional seconds, numeric or obsolete named zones,
 * comments such as {@code (CEST)}; ISO 8601 as a last resort.
 */
public final class MailDates {

    private static final Pattern DATE = Pattern.compile(
            "^\\s*(?:[A-Za-z]+\\s*,?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3,})\\.?[\\s-]+(\\d{2,4})\\s+"
                    + "(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?(?:\\.\\d+)?\\s*([+-]\\d{4}|[+-]\\d{2}:\\d{2}|[A-Za-z]{1,5})?\\s*$");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));

    /** RFC 5322 section 4.3; every other name means "unknown", i.e. -0000. */
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("UT", 0),
            Map.entry("UTC", 0),
            Map.entry("GMT", 0),
            Map.entry("Z", 0),
            Map.entry("EST", -5),
            Map.entry("EDT", -4),
            Map.entry("CST", -6),
            Map.entry("CDT", -5),
            Map.entry("MST", -7),
            Map.entry("MDT", -6),
            Map.entry("PST", -8),
            Map.entry("PDT", -7));

    private MailDates() {}

    /** The date, or {@code null} (with a problem) when it cannot be read. */
    public static OffsetDateTime parse(String value, Problems problems) {
        String text = HeaderComments.strip(value).strip();
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                problems.add(Kind.MALFORMED_DATE, "Date header is not an RFC 5322 date");
                return null;
            }
        }
        Integer month = MONTHS.get(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT));
        if (month == null) {
            problems.add(Kind.MALFORMED_DATE, "Date header has an unknown month name");
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900;
        } else if (m.group(3).length() == 3) {
            year += 1900;
        }
        int second = m.group(6) == null ? 0 : Math.min(Integer.parseInt(m.group(6)), 59); // leap second
        ZoneOffset offset = offset(m.group(7), problems);
        try {
            LocalDateTime local = LocalDateTime.of(
                    year,
                    month,
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)),
                    second);
            return local.atOffset(offset);
        } catch (DateTimeException e) {
            problems.add(Kind.MALFORMED_DATE, "Date header names a day or time that does not exist");
            return null;
        }
    }

    private static ZoneOffset offset(String zone, Problems problems) {
        if (zone == null) {
            problems.add(Kind.MALFORMED_DATE, "Date header has no time zone; UTC assumed");
            return ZoneOffset.UTC;
        }
        if (zone.startsWith("+") || zone.startsWith("-")) {
            String digits = zone.replace(":", "");
            int hours = Integer.parseInt(digits.substring(1, 3));
            int minutes = Integer.parseInt(digits.substring(3, 5));
            int sign = zone.startsWith("-") ? -1 : 1;
            try {
                return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (DateTimeException e) {
                problems.add(Kind.MALFORMED_DATE, "Date header has an impossible zone offset; UTC assumed");
                return ZoneOffset.UTC;
            }
        }
        Integer hours = ZONES.get(zone.toUpperCase(Locale.ROOT));
        if (hours == null) {
            problems.add(Kind.MALFORMED_DATE, "Date header has an unknown zone name; UTC assumed");
            return ZoneOffset.UTC;
        }
        return ZoneOffset.ofHours(hours);
    }
}
