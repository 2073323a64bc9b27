package org.sealpost.web.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sealpost.portal.policy.AddressField;
import org.sealpost.portal.policy.PortalAction;
import org.sealpost.portal.policy.Refusal;
import org.sealpost.portal.policy.RefusalReason;
import org.sealpost.web.format.BundleTexts;

class RefusalTextsTest {

    private final RefusalTexts texts = new RefusalTexts(BundleTexts.of(Locale.ENGLISH));

    /** A reason the server can give but the bundle cannot say would reach the page as a missing-key error. */
    @ParameterizedTest
    @EnumSource(RefusalReason.class)
    void everyReasonTheServerCanGiveHasASentence(RefusalReason reason) {
        String sentence = texts.sentence(Refusal.of(null, null, reason, "COMPOSE", "bank.example"));

        assertThat(sentence).isNotBlank().doesNotContain("{0}").doesNotContain("{1}");
    }

    @Test
    void aReplyToAnExternalAddressNamesTheAddressAndTheInternalDomains() {
        Refusal refusal = Refusal.of(
                AddressField.TO,
                "anna@client.example",
                RefusalReason.EXTERNAL_NOT_ALLOWED,
                PortalAction.REPLY.name(),
                "bank.example");

        assertThat(texts.line(refusal))
                .isEqualTo("anna@client.example: Replies may only go to addresses at bank.example");
    }

    @Test
    void theSentenceDependsOnTheActionWhereItNamesOne() {
        assertThat(texts.sentence(Refusal.of(null, null, RefusalReason.ACTION_DISABLED, "FORWARD")))
                .isEqualTo("Forwarding is turned off");
        assertThat(texts.sentence(Refusal.of(
                        AddressField.TO, "x@y.example", RefusalReason.EXTERNAL_NOT_ALLOWED, "COMPOSE", "bank.example")))
                .isEqualTo("New messages may only go to addresses at bank.example");
    }

    @Test
    void messageWideRefusalsNameTheRuleAndItsLimitWithoutAnAddress() {
        assertThat(texts.line(Refusal.of(
                        AddressField.TO,
                        null,
                        RefusalReason.INTERNAL_RECIPIENT_REQUIRED,
                        "bank.example, corp.bank.example")))
                .isEqualTo("Add at least one address at bank.example, corp.bank.example");
        assertThat(texts.line(Refusal.of(null, null, RefusalReason.ATTACHMENTS_TOO_LARGE, "26214400", "25")))
                .isEqualTo("Over the 25 MiB limit");
        assertThat(texts.line(Refusal.of(null, null, RefusalReason.ATTACHMENTS_DISABLED)))
                .isEqualTo("Attachments are not allowed");
    }

    @Test
    void anAddressAtTheReservedDomainIsToldItsDomainReceivesNoMailInEitherLanguage() {
        Refusal refusal = Refusal.of(
                AddressField.CC, "Reader-1@WARM-UP.invalid", RefusalReason.RESERVED_ADDRESS, "warm-up.invalid");

        assertThat(texts.line(refusal))
                .isEqualTo("Reader-1@WARM-UP.invalid: The domain warm-up.invalid belongs to the portal itself and"
                        + " receives no mail");
        assertThat(new RefusalTexts(BundleTexts.of(Locale.GERMAN)).line(refusal))
                .isEqualTo("Reader-1@WARM-UP.invalid: Die Domain warm-up.invalid gehört dem Portal selbst und"
                        + " empfängt keine Nachrichten");
    }

    @Test
    void aGermanReaderGetsTheGermanSentence() {
        RefusalTexts german = new RefusalTexts(BundleTexts.of(Locale.GERMAN));
        Refusal refusal = Refusal.of(
                AddressField.TO,
                "anna@client.example",
                RefusalReason.EXTERNAL_NOT_ALLOWED,
                PortalAction.REPLY.name(),
                "bank.example");

        assertThat(german.line(refusal))
                .isEqualTo("anna@client.example: Antworten dürfen nur an Adressen bei bank.example gehen");
        assertThat(german.line(Refusal.of(null, null, RefusalReason.ATTACHMENTS_TOO_LARGE, "26214400", "25")))
                .isEqualTo("Größer als die erlaubten 25 MiB");
    }
}
