package org.sealpost.web.format;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The page bundle's texts in one locale, for the classes that word a domain outcome (a refused
 * search or certificate, a session's device) and are tested without a page: they take this
 * instead of a bundle and a locale each.
 */
public final class BundleTexts {

    private static final String BUNDLE = "org.sealpost.web.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public BundleTexts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The portal's bundle in {@code locale}. */
    public static BundleTexts of(Locale locale) {
        return new BundleTexts(ResourceBundle.getBundle(BUNDLE, locale), locale);
    }

    /** The text of {@code key} as written. */
    public String get(String key) {
        return bundle.getString(key);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * The pattern of {@code key} filled with {@code arguments}, numbers in the locale's form. Always
     * a {@link MessageFormat}, with or without arguments, so a pattern reads the same either way.
     */
    public String format(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
