package org.sealpost.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.config.InvalidSettingException;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.language.Language;

/** SEALPOST_DEFAULT_LANGUAGE seeds the organisation's default language: en, de, or a refusal at start. */
class DefaultLanguageSeedTest {

    private static RuntimeSettingsSeed.Values seed(Map<Setting, String> settings) {
        return RuntimeSettingsSeed.fromSettings(s -> Optional.ofNullable(settings.get(s)));
    }

    @Test
    void withoutTheSettingTheDefaultLanguageIsEnglish() {
        assertThat(seed(Map.of()).defaultLanguage()).isEqualTo(Language.ENGLISH);
    }

    @Test
    void theSettingNamesTheDefaultLanguageByItsCode() {
        assertThat(seed(Map.of(Setting.DEFAULT_LANGUAGE, "de")).defaultLanguage())
                .isEqualTo(Language.GERMAN);
        assertThat(seed(Map.of(Setting.DEFAULT_LANGUAGE, "EN")).defaultLanguage())
                .isEqualTo(Language.ENGLISH);
    }

    @Test
    void aLanguageThePortalDoesNotSpeakIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> seed(Map.of(Setting.DEFAULT_LANGUAGE, "fr")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("SEALPOST_DEFAULT_LANGUAGE");
    }
}
