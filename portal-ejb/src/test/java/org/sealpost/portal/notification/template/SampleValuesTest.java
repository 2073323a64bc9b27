package org.sealpost.portal.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.language.Language;

/**
 * The preview's and the test mail's invented values that are words come in the language of the
 * mail being edited, from a bundle with a German text for every English one.
 */
class SampleValuesTest {

    private static final URI PORTAL = URI.create("https://portal.bank.example/");
    private static final EmailAddress ADMIN = EmailAddress.of("admin@bank.example");

    @Test
    void everySampleTextHasAGermanTranslation() throws IOException {
        assertThat(load("samples_de.properties").stringPropertyNames())
                .isEqualTo(load("samples.properties").stringPropertyNames())
                .isNotEmpty();
    }

    @Test
    void aGermanMailsPreviewShowsAGermanSampleSubject() {
        NotificationValues german = SampleValues.of(PORTAL, ADMIN, Language.GERMAN, "Bank", "#0f766e", true);
        NotificationValues english = SampleValues.of(PORTAL, ADMIN, Language.ENGLISH, "Bank", "#0f766e", true);

        assertThat(german.originalSubject()).contains("Ihr Darlehensvertrag (Beispiel)");
        assertThat(english.originalSubject()).contains("Your loan agreement (sample)");
    }

    @Test
    void anEnglishSampleStaysEnglishOnAServerWhoseDefaultIsGerman() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            ResourceBundle.clearCache();
            assertThat(SampleValues.text("originalSubject", Language.ENGLISH))
                    .isEqualTo("Your loan agreement (sample)");
        } finally {
            Locale.setDefault(before);
            ResourceBundle.clearCache();
        }
    }

    private static Properties load(String file) throws IOException {
        try (Reader in = new InputStreamReader(
                SampleValuesTest.class.getResourceAsStream("/org/sealpost/portal/notification/template/" + file),
                StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        }
    }
}
