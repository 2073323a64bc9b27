package org.sealpost.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.session.DeviceSummary;
import org.sealpost.web.format.BundleTexts;

/** The account page names a session's device in the reader's language; the products' names stay theirs. */
class DeviceTextsTest {

    private static final DeviceTexts ENGLISH = texts(Locale.ENGLISH);
    private static final DeviceTexts GERMAN = texts(Locale.GERMAN);

    private static DeviceTexts texts(Locale locale) {
        return new DeviceTexts(BundleTexts.of(locale));
    }

    @Test
    void aKnownBrowserOnAKnownSystem() {
        DeviceSummary device = DeviceSummary.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Firefox/133.0");

        assertThat(ENGLISH.of(device)).isEqualTo("Firefox on Windows");
        assertThat(GERMAN.of(device)).isEqualTo("Firefox unter Windows");
    }

    @Test
    void anUnknownBrowserIsSaidInTheReadersLanguage() {
        assertThat(ENGLISH.of(DeviceSummary.of(null))).isEqualTo("Unknown browser");
        assertThat(GERMAN.of(DeviceSummary.of(null))).isEqualTo("Unbekannter Browser");
        assertThat(GERMAN.of(DeviceSummary.of("Mozilla/5.0 (X11; Linux x86_64) SomethingNew/1.0")))
                .isEqualTo("Unbekannter Browser unter Linux");
    }

    @Test
    void aBrowserWithoutAKnownSystemIsItsNameAlone() {
        assertThat(GERMAN.of(new DeviceSummary("Firefox", null))).isEqualTo("Firefox");
    }
}
