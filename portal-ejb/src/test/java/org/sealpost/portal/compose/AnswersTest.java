package org.sealpost.portal.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sealpost.mailformat.metadata.MailAddress;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.portal.policy.PortalAction;

/** How answers start: "Re: " and "Fwd: " once, the right recipients, RFC 5322 threading. */
class AnswersTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "REPLY|Figures|Re: Figures",
                "REPLY|Re: Figures|Re: Figures",
                "REPLY|RE:Figures|RE:Figures",
                "REPLY_ALL|AW: Zahlen|AW: Zahlen",
                "REPLY|Fwd: Figures|Re: Fwd: Figures",
                "FORWARD|Figures|Fwd: Figures",
                "FORWARD|Fwd: Figures|Fwd: Figures",
                "FORWARD|Re: Figures|Fwd: Re: Figures",
                "REPLY|Regarding figures|Re: Regarding figures"
            })
    void theSubjectGetsItsPrefixOnce(PortalAction action, String original, String expected) {
        assertThat(Answers.subject(action, original)).isEqualTo(expected);
    }

    @Test
    void aSubjectlessOriginalGetsJustThePrefix() {
        assertThat(Answers.subject(PortalAction.REPLY, null)).isEqualTo("Re: ");
    }

    @Test
    void referencesAreTheOriginalsReferencesThenItsMessageId() {
        assertThat(Answers.references("<a@x> <b@x>", "<b@x>", "<c@x>")).isEqualTo("<a@x> <b@x> <c@x>");
        assertThat(Answers.references(null, "<b@x>", "<c@x>"))
                .as("In-Reply-To stands in for References")
                .isEqualTo("<b@x> <c@x>");
        assertThat(Answers.references(null, null, "<c@x>")).isEqualTo("<c@x>");
        assertThat(Answers.references(null, null, null)).isNull();
    }

    private static MessageMetadata original(List<MailAddress> replyTo, List<MailAddress> to, List<MailAddress> cc) {
        return new MessageMetadata(
                new MailAddress("Bob", "bob@bank.example"),
                replyTo,
                to,
                cc,
                "Figures",
                OffsetDateTime.parse("2026-12-01T10:00:00+01:00"),
                "<o@bank.example>",
                List.of(),
                100,
                true,
                false);
    }

    @Test
    void aReplyGoesToReplyToWhenTheOriginalHasOne() {
        DraftFields f = Answers.prefill(
                PortalAction.REPLY,
                original(
                        List.of(new MailAddress(null, "desk@bank.example")),
                        List.of(new MailAddress(null, "anna@client.example")),
                        List.of()),
                "hi",
                "anna@client.example");
        assertThat(f.to()).isEqualTo("desk@bank.example");
    }

    @Test
    void replyAllLeavesOutTheWriterInAnySpellingAndRepeatsNobody() {
        DraftFields f = Answers.prefill(
                PortalAction.REPLY_ALL,
                original(
                        List.of(),
                        List.of(
                                new MailAddress(null, "Anna@Client.example"),
                                new MailAddress(null, "carl@bank.example"),
                                new MailAddress(null, "BOB@bank.example")),
                        List.of(new MailAddress(null, "anna@client.example"), new MailAddress(null, "dora@x.example"))),
                "hi",
                "anna@client.example");
        assertThat(f.to()).isEqualTo("bob@bank.example, carl@bank.example");
        assertThat(f.cc()).isEqualTo("dora@x.example");
    }

    @Test
    void answeringOnesOwnSentMessageGoesToItsRecipients() {
        MessageMetadata sent = new MessageMetadata(
                new MailAddress("anna@client.example via Sealpost", "portal@bank.example"),
                List.of(new MailAddress(null, "anna@client.example")),
                List.of(new MailAddress(null, "carl@bank.example")),
                List.of(),
                "Figures",
                null,
                "<s@portal>",
                List.of(),
                100,
                true,
                false);
        assertThat(Answers.prefill(PortalAction.REPLY, sent, "hi", "anna@client.example")
                        .to())
                .isEqualTo("carl@bank.example");
    }

    @Test
    void theQuoteNamesTheSenderAndDateAndQuotesEveryLine() {
        DraftFields f = Answers.prefill(
                PortalAction.REPLY,
                original(List.of(), List.of(), List.of()),
                "line one\r\n> earlier\r\n",
                "anna@client.example");
        assertThat(f.body())
                .isEqualTo("\n\nBob <bob@bank.example>, 2026-12-01 10:00 +01:00:\n> line one\n>> earlier\n");
    }
}
