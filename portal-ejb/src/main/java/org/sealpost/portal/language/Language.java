package org.sealpost.portal.language;

import java.util.Locale;
import java.util.Optional;

/**
 * A language the portal's pages and mails are written in. Stored by its {@link #code()}, the
 * ISO 639-1 code that is also the mails' {@code Content-Language} (RFC 3282) and the HTML
 * {@code lang}: a database CHECK lists the same codes, so adding one here needs a migration, a
 * page bundle and a complete set of mail templates.
 */
public enum Language {
    ENGLISH("en", Locale.ENGLISH),
    GERMAN("de", Locale.GERMAN);

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** The ISO 639-1 code, as stored and as sent in {@code Content-Language}. */
    public String code() {
        return code;
    }

    /** The locale dates and numbers are formatted in. */
    public Locale locale() {
        return locale;
    }

    /** The language of {@code code} ({@code "de"}, {@code "DE"}), if the portal speaks it. */
    public static Optional<Language> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.code.equals(wanted)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The language of {@code locale} whatever its country ({@code de_AT} is German), if the
     * portal speaks it.
     */
    public static Optional<Language> of(Locale locale) {
        return locale == null ? Optional.empty() : ofCode(locale.getLanguage());
    }
}
