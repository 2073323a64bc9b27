package org.sealpost.mailformat.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealpost.mailformat.MimeProblem;
import org.sealpost.mailformat.MimeProblem.Kind;
import org.sealpost.mailformat.internal.Problems;

class AddressParserTest {

    private final Problems problems = new Problems();

    @Test
    void readsTheCommonForms() {
        assertThat(parse("Alice <alice@example.org>, bob@example.com, \"Doe, John\" <john@example.com>,"
                        + " carol@example.com (Carol C.)"))
                .containsExactly(
                        new MailAddress("Alice", "alice@example.org"),
                        new MailAddress(null, "bob@example.com"),
                        new MailAddress("Doe, John", "john@example.com"),
                        new MailAddress("Carol C.", "carol@example.com"));
        assertThat(problems.toList()).isEmpty();
    }

    @Test
    void groupsAreFlattenedAndEmptyGroupsVanish() {
        assertThat(parse("Team: a@example.org, B <b@example.org>;, undisclosed-recipients:;"))
                .containsExactly(new MailAddress(null, "a@example.org"), new MailAddress("B", "b@example.org"));
        assertThat(problems.toList()).isEmpty();
    }

    @Test
    void encodedDisplayNamesAreDecodedEvenInsideQuotes() {
        assertThat(parse("=?UTF-8?Q?J=C3=B6rg?= <j@example.de>, \"=?ISO-8859-1?Q?Fran=E7ois?=\" <f@example.fr>"))
                .containsExactly(new MailAddress("Jörg", "j@example.de"), new MailAddress("François", "f@example.fr"));
    }

    @Test
    void escapedQuotesAndNestedCommentsAreHandled() {
        assertThat(parse("\"The \\\"Boss\\\"\" (work (main)) <boss@example.org>"))
                .containsExactly(new MailAddress("The \"Boss\"", "boss@example.org"));
    }

    @Test
    void obsoleteSourceRouteIsDropped() {
        assertThat(parse("<@relay.example.net,@other.example.net:user@example.org>"))
                .containsExactly(new MailAddress(null, "user@example.org"));
    }

    @Test
    void brokenItemsAreKeptAndReportedWithoutQuotingThem() {
        assertThat(parse("\"Unclosed <u@example.org>, missing-at, <open@example.org"))
                .containsExactly(
                        new MailAddress("Unclosed", "u@example.org"),
                        new MailAddress(null, "missing-at"),
                        new MailAddress(null, "open@example.org"));
        assertThat(problems.toList()).extracting(MimeProblem::kind).containsOnly(Kind.MALFORMED_ADDRESS);
        assertThat(problems.toList())
                .extracting(MimeProblem::detail)
                .containsExactly(
                        "To header has an unterminated quoted string or comment",
                        "To header has an address with '<' but no '>'",
                        "To header has 1 address(es) that are not local@domain");
    }

    @Test
    void emptyValueYieldsNoAddresses() {
        assertThat(parse("")).isEmpty();
        assertThat(parse(" , ;")).isEmpty();
    }

    private List<MailAddress> parse(String value) {
        return AddressParser.parse(value, "To header", problems);
    }
}
