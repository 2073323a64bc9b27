package org.sealpost.web.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sealpost.portal.certificate.CertificateProblem;
import org.sealpost.portal.certificate.CertificateRefusedException;
import org.sealpost.portal.certificate.SubjectFields;
import org.sealpost.web.format.BundleTexts;

/**
 * Each way a certificate operation is refused has its sentence in English and German, and the
 * console page says the refusal from the bundle with the value as typed, the certificate's subject
 * and its date in the page's date form.
 */
class CertificateRefusalTextsTest {

    private static final String BASE = "org.sealpost.web.messages";
    private static final CertificateRefusalTexts ENGLISH = texts(Locale.ENGLISH);
    private static final CertificateRefusalTexts GERMAN = texts(Locale.GERMAN);

    private static CertificateRefusalTexts texts(Locale locale) {
        DateTimeFormatter day =
                DateTimeFormatter.ofPattern("d MMMM yyyy", locale).withZone(ZoneOffset.UTC);
        return new CertificateRefusalTexts(BundleTexts.of(locale), day::format);
    }

    @ParameterizedTest
    @EnumSource(CertificateProblem.class)
    void everyProblemHasASentenceInEnglishAndGerman(CertificateProblem problem) {
        CertificateRefusedException e = new CertificateRefusedException(
                problem, List.of(2, "CN=mail.bank.example", Instant.parse("2026-03-01T00:00:00Z")), null);

        String english = ENGLISH.sentence(e);
        String german = GERMAN.sentence(e);

        assertThat(english)
                .as("%s in English", problem)
                .isNotBlank()
                .doesNotContain("{")
                .endsWith(".");
        assertThat(german)
                .as("%s in German", problem)
                .isNotBlank()
                .doesNotContain("{")
                .endsWith(".")
                .isNotEqualTo(english);
        assertThat(ResourceBundle.getBundle(BASE, Locale.ENGLISH).getString(problem.messageKey()))
                .as("%s: a lone apostrophe would swallow the rest of the sentence", problem)
                .doesNotContain("'");
    }

    @Test
    void aCountryOfMoreThanTwoLettersIsNamedAsTypedInTheReadersLanguage() {
        CertificateRefusedException e = catchThrowableOfType(
                CertificateRefusedException.class,
                () -> new SubjectFields("Deutschland", null, null, "Bank", null, "mail.bank.example", null).checked());

        assertThat(ENGLISH.sentence(e))
                .isEqualTo("The country must be two letters (ISO 3166), for example DE, not “Deutschland”.");
        assertThat(GERMAN.sentence(e))
                .isEqualTo(
                        "Das Land muss aus zwei Buchstaben bestehen (ISO 3166), zum Beispiel DE, nicht „Deutschland“.");
    }

    @Test
    void anExpiredCertificateIsNamedWithItsSubjectAndTheDayInThePagesDateForm() {
        CertificateRefusedException e = new CertificateRefusedException(
                CertificateProblem.EXPIRED,
                List.of("CN=mail.bank.example", Instant.parse("2026-03-01T12:00:00Z")),
                null);

        assertThat(ENGLISH.sentence(e)).isEqualTo("The certificate “CN=mail.bank.example” expired on 1 March 2026.");
        assertThat(GERMAN.sentence(e))
                .isEqualTo("Das Zertifikat „CN=mail.bank.example“ ist am 1 März 2026 abgelaufen.");
    }

    @Test
    void aRefusalWithoutDetailsIsTheBundlesSentenceAsWritten() {
        CertificateRefusedException e = new CertificateRefusedException(CertificateProblem.INVALID_COMMON_NAME);

        assertThat(ENGLISH.sentence(e))
                .isEqualTo(
                        "The common name must be the host’s fully qualified DNS name, for example mail.bank.example.");
        assertThat(GERMAN.sentence(e))
                .isEqualTo("Der allgemeine Name muss der vollständige DNS-Name des Hosts sein, zum Beispiel"
                        + " mail.bank.example.");
    }
}
