package org.sealpost.portal.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void aLocaleIsSpokenWhateverItsCountry() {
        assertThat(Language.of(Locale.forLanguageTag("de-AT"))).contains(Language.GERMAN);
        assertThat(Language.of(Locale.forLanguageTag("en-GB"))).contains(Language.ENGLISH);
        assertThat(Language.of(Locale.forLanguageTag("fr-FR"))).isEmpty();
        assertThat(Language.of(null)).isEmpty();
    }

    @Test
    void aStoredCodeIsReadBackAndAnUnknownOneIsNot() {
        assertThat(Language.ofCode("de")).contains(Language.GERMAN);
        assertThat(Language.ofCode(" EN ")).contains(Language.ENGLISH);
        assertThat(Language.ofCode("fr")).isEmpty();
        assertThat(Language.ofCode(null)).isEmpty();
    }
}
