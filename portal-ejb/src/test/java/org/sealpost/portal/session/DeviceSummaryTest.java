package org.sealpost.portal.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceSummaryTest {

    @ParameterizedTest(name = "{1} on {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | Chrome | Linux
            Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.6778.85 Safari/537.36 | Chrome | Linux
            Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0 | Firefox | Windows
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86 | Edge | Windows
            Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15 | Safari | macOS
            Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1 | Safari | iOS
            Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1 | Chrome | iPadOS
            Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36 | Chrome | Android
            Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36 | Samsung Internet | Android
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0 | Opera | Windows
            Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | Chrome | ChromeOS
            Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko | Internet Explorer | Windows
            Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0 | Firefox | Linux
            """)
    void aKnownBrowserIsNamedWithItsSystem(String userAgent, String browser, String system) {
        DeviceSummary summary = DeviceSummary.of(userAgent);

        assertThat(summary).isEqualTo(new DeviceSummary(browser, system));
        assertThat(DeviceSummary.fromStored(summary.stored())).isEqualTo(summary);
    }

    @Test
    void anUnknownClientIsNotGuessedAt() {
        assertThat(DeviceSummary.of("curl/8.5.0")).isEqualTo(new DeviceSummary(null, null));
        assertThat(DeviceSummary.of("Mozilla/5.0 (X11; Linux x86_64) SomethingNew/1.0"))
                .isEqualTo(new DeviceSummary(null, "Linux"));
    }

    @Test
    void aMissingHeaderIsAnUnknownBrowser() {
        assertThat(DeviceSummary.of(null)).isEqualTo(new DeviceSummary(null, null));
        assertThat(DeviceSummary.of("   ")).isEqualTo(new DeviceSummary(null, null));
    }

    @Test
    void theRowKeepsNamesOnlyNoWordsOfALanguage() {
        assertThat(new DeviceSummary("Firefox", "Windows").stored()).isEqualTo("Firefox/Windows");
        assertThat(new DeviceSummary(null, "Linux").stored()).isEqualTo("/Linux");
        assertThat(new DeviceSummary(null, null).stored()).isEqualTo("/");
        assertThat(DeviceSummary.fromStored("/Linux")).isEqualTo(new DeviceSummary(null, "Linux"));
        assertThat(DeviceSummary.fromStored("/")).isEqualTo(new DeviceSummary(null, null));
    }

    @Test
    void aRowKeptBeforeTheNamesWereApartIsShownWhole() {
        assertThat(DeviceSummary.fromStored("Firefox on Linux")).isEqualTo(new DeviceSummary("Firefox on Linux", null));
    }

    @Test
    void nothingOfTheHeaderBeyondTheNamesIsKept() {
        String hostile = "<script>alert(1)</script> Firefox/1.0 (Windows) " + "x".repeat(10_000);

        String stored = DeviceSummary.of(hostile).stored();

        assertThat(stored).isEqualTo("Firefox/Windows");
        assertThat(stored.length()).isLessThanOrEqualTo(DeviceSummary.MAX_LENGTH);
    }

    @Test
    void namesFarIntoAHugeHeaderAreNotSearchedFor() {
        assertThat(DeviceSummary.of("x".repeat(1_000) + " Firefox/133.0 (Windows)"))
                .isEqualTo(new DeviceSummary(null, null));
    }
}
