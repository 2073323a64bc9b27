package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeArgumentsTest {

    @Test
    void mailWithSizeFollowedByBodyReadsBoth() throws ReplyException {
        EnvelopeArguments.MailArguments mail =
                EnvelopeArguments.parseMail("FROM:<sender@partner.example> SIZE=12345 BODY=8BITMIME");

        assertThat(mail.reversePath()).isEqualTo("sender@partner.example");
        assertThat(mail.declaredSize()).isEqualTo(OptionalLong.of(12345));
    }

    @Test
    void nullReversePathIsTheEmptyString() throws ReplyException {
        assertThat(EnvelopeArguments.parseMail("FROM:<>").reversePath()).isEmpty();
    }

    @Test
    void sizeBeyondALongIsTakenAsHugeNotAsAnError() throws ReplyException {
        // RFC 1870 allows up to 20 digits, more than a long holds.
        assertThat(EnvelopeArguments.parseMail("FROM:<a@b.example> SIZE=99999999999999999999")
                        .declaredSize())
                .isEqualTo(OptionalLong.of(Long.MAX_VALUE));
    }

    @Test
    void lenientAboutCaseSpaceAfterColonMissingBracketsAndSourceRoutes() throws ReplyException {
        assertThat(EnvelopeArguments.parseMail("from: <a@b.example>").reversePath())
                .isEqualTo("a@b.example");
        assertThat(EnvelopeArguments.parseMail("FROM:a@b.example SIZE=1").reversePath())
                .isEqualTo("a@b.example");
        assertThat(EnvelopeArguments.parseRcpt("TO:<@relay.example,@other.example:c@d.example>")
                        .address())
                .isEqualTo("c@d.example");
    }

    @Test
    void quotedLocalPartMayContainBracketsAndAt() throws ReplyException {
        assertThat(EnvelopeArguments.parseRcpt("TO:<\"odd>name@x\"@d.example>").address())
                .isEqualTo("\"odd>name@x\"@d.example");
    }

    @Test
    void postmasterWithoutDomainIsAValidRecipient() throws ReplyException {
        // RFC 5321 §4.5.1
        assertThat(EnvelopeArguments.parseRcpt("TO:<Postmaster>").isPostmaster())
                .isTrue();
    }

    @Test
    void missingFromIsASyntaxError501() {
        assertReply(() -> EnvelopeArguments.parseMail("<a@b.example>"), "501 5.5.4 Syntax: MAIL FROM:");
        assertReply(() -> EnvelopeArguments.parseMail("FROM:"), "501 5.5.4 Syntax: MAIL FROM:");
        assertReply(() -> EnvelopeArguments.parseMail("FROM:<a@b.example"), "501 5.5.4 Syntax: MAIL FROM:");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FROM:<no-at-sign>",
                "FROM:<a@@b.example>",
                "FROM:<a b@c.example>",
                "FROM:<a@-b.example>",
                "FROM:<.a@b.example>",
                "FROM:<a..b@c.example>",
                "FROM:<a@b..example>",
                "FROM:<Postmaster>",
                "FROM:<\u00e4@b.example>"
            })
    void badSenderAddressIs553WithSenderStatus(String arguments) {
        assertReply(() -> EnvelopeArguments.parseMail(arguments), "553 5.1.7 ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TO:<alice@>", "TO:<@customer.example>", "TO:<alice@customer.example.>"})
    void badRecipientAddressIs553WithRecipientStatus(String arguments) {
        assertReply(() -> EnvelopeArguments.parseRcpt(arguments), "553 5.1.3 ");
    }

    @Test
    void nullPathIsNoRecipient() {
        assertReply(() -> EnvelopeArguments.parseRcpt("TO:<>"), "553 5.1.3 The null path");
    }

    @Test
    void overlongLocalPartIsRefused() {
        assertReply(() -> EnvelopeArguments.parseRcpt("TO:<" + "a".repeat(65) + "@b.example>"), "553 5.1.3 ");
    }

    @Test
    void unknownParametersAreAnswered555() {
        // RFC 5321 §4.1.1.11
        assertReply(
                () -> EnvelopeArguments.parseMail("FROM:<a@b.example> SMTPUTF8"),
                "555 5.5.4 MAIL FROM parameter SMTPUTF8 not recognized");
        assertReply(
                () -> EnvelopeArguments.parseRcpt("TO:<a@b.example> NOTIFY=NEVER"),
                "555 5.5.4 RCPT TO parameter NOTIFY not recognized");
    }

    @Test
    void badSizeBodyOrDuplicateParametersAre501() {
        assertReply(() -> EnvelopeArguments.parseMail("FROM:<a@b.example> SIZE=12k"), "501 5.5.4 SIZE");
        assertReply(() -> EnvelopeArguments.parseMail("FROM:<a@b.example> SIZE"), "501 5.5.4 SIZE");
        assertReply(() -> EnvelopeArguments.parseMail("FROM:<a@b.example> SIZE=" + "9".repeat(21)), "501 5.5.4 SIZE");
        assertReply(() -> EnvelopeArguments.parseMail("FROM:<a@b.example> BODY=BINARYMIME"), "501 5.5.4 BODY");
        assertReply(() -> EnvelopeArguments.parseMail("FROM:<a@b.example> SIZE=1 size=2"), "501 5.5.4 Duplicate");
    }

    private interface Parse {
        Object run() throws ReplyException;
    }

    private static void assertReply(Parse parse, String expectedStart) {
        assertThatThrownBy(parse::run)
                .isInstanceOfSatisfying(
                        ReplyException.class, e -> assertThat(e.reply().line()).startsWith(expectedStart));
    }
}
