package org.sealpost.mailformat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.sealpost.mailformat.MimeProblem;
import org.sealpost.mailformat.MimeProblem.Kind;

class MailDatesTest {

    private final Problems problems = new Problems();

    @Test
    void readsRfc5322DatesWithAndWithoutOptionalParts() {
        assertThat(parse("Tue, 05 Mar 2024 10:15:00 +0100"))
                .isEqualTo(at(2024, 3, 5, 10, 15, 0, ZoneOffset.ofHours(1)));
        assertThat(parse("5 Mar 2024 10:15 -0530"))
                .isEqualTo(at(2024, 3, 5, 10, 15, 0, ZoneOffset.ofHoursMinutes(-5, -30)));
        assertThat(parse("Tue,  5 Mar 2024 10:15:00 +0100 (CET)"))
                .isEqualTo(at(2024, 3, 5, 10, 15, 0, ZoneOffset.ofHours(1)));
        assertThat(problems.toList()).isEmpty();
    }

    @Test
    void readsObsoleteYearsAndNamedZones() {
        assertThat(parse("Fri, 1 Nov 99 23:59:59 EST")).isEqualTo(at(1999, 11, 1, 23, 59, 59, ZoneOffset.ofHours(-5)));
        assertThat(parse("1 Jan 07 00:00:00 GMT")).isEqualTo(at(2007, 1, 1, 0, 0, 0, ZoneOffset.UTC));
        assertThat(problems.toList()).isEmpty();
    }

    @Test
    void unknownZoneOrNoZoneMeansUtcWithAProblem() {
        assertThat(parse("5 Mar 2024 10:15:00 CEST")).isEqualTo(at(2024, 3, 5, 10, 15, 0, ZoneOffset.UTC));
        assertThat(parse("5 Mar 2024 10:15:00")).isEqualTo(at(2024, 3, 5, 10, 15, 0, ZoneOffset.UTC));
        assertThat(problems.toList())
                .extracting(MimeProblem::kind)
                .containsOnly(Kind.MALFORMED_DATE)
                .hasSize(2);
    }

    @Test
    void iso8601IsAcceptedAsALastResort() {
        assertThat(parse("2024-03-05T10:15:00+01:00")).isEqualTo(at(2024, 3, 5, 10, 15, 0, ZoneOffset.ofHours(1)));
    }

    @Test
    void unreadableOrImpossibleDatesAreNull() {
        assertThat(parse("yesterday at noon")).isNull();
        assertThat(parse("31 Feb 2024 10:00:00 +0000")).isNull();
        assertThat(parse("5 Foo 2024 10:00:00 +0000")).isNull();
        assertThat(problems.toList())
                .extracting(MimeProblem::kind)
                .containsOnly(Kind.MALFORMED_DATE)
                .hasSize(3);
    }

    private OffsetDateTime parse(String value) {
        return MailDates.parse(value, problems);
    }

    private static OffsetDateTime at(int y, int mo, int d, int h, int mi, int s, ZoneOffset offset) {
        return OffsetDateTime.of(y, mo, d, h, mi, s, 0, offset);
    }
}
