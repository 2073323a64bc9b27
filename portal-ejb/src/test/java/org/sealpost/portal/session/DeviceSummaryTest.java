package org.sealpost.portal.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceSummaryTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | Chrome on Linux
            Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.6778.85 Safari/537.36 | Chrome on Linux
            Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0 | Firefox on Windows
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86 | Edge on Windows
            Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15 | Safari on macOS
            Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1 | Safari on iOS
            Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1 | Chrome on iPadOS
            Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36 | Chrome on Android
            Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36 | Samsung Internet on Android
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0 | Opera on Windows
            Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | Chrome on ChromeOS
            Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko | Internet Explorer on Windows
            Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0 | Firefox on Linux
            """)
    void aKnownBrowserIsNamedWithItsSystem(String userAgent, String summary) {
        assertThat(DeviceSummary.of(userAgent)).isEqualTo(summary);
    }

    @Test
    void anUnknownClientIsNotGuessedAt() {
        assertThat(DeviceSummary.of("curl/8.5.0")).isEqualTo("Unknown browser");
        assertThat(DeviceSummary.of("Mozilla/5.0 (X11; Linux x86_64) SomethingNew/1.0"))
                .isEqualTo("Unknown browser on Linux");
    }

    @Test
    void aMissingHeaderIsAnUnknownBrowser() {
        assertThat(DeviceSummary.of(null)).isEqualTo("Unknown browser");
        assertThat(DeviceSummary.of("   ")).isEqualTo("Unknown browser");
    }

    @Test
    void nothingOfTheHeaderBeyondTheNamesIsKept() {
        String hostile = "<script>alert(1)</script> Firefox/1.0 (Windows) " + "x".repeat(10_000);

        String summary = DeviceSummary.of(hostile);

        assertThat(summary).isEqualTo("Firefox on Windows");
        assertThat(summary.length()).isLessThanOrEqualTo(DeviceSummary.MAX_LENGTH);
    }

    @Test
    void namesFarIntoAHugeHeaderAreNotSearchedFor() {
        assertThat(DeviceSummary.of("x".repeat(1_000) + " Firefox/133.0 (Windows)"))
                .isEqualTo("Unknown browser");
    }
}
