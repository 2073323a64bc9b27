package org.sealpost.launcher;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a setting the way MicroProfile Config will inside the portal: a system property by
 * its name ({@code sealpost.db.url}), else the environment variable derived from it
 * ({@code SEALPOST_DB_URL}). The launcher and the portal must agree on what was configured.
 */
final class LauncherSettings {

    private LauncherSettings() {}

    static Optional<String> lookup(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The launcher's default mode is dev: {@code ./sealpost run} on a laptop just works. */
    static Optional<String> lookupWithDevDefault(String property) {
        if (property.equals("sealpost.mode")) {
            return Optional.of(lookup(property).orElse("dev"));
        }
        return lookup(property);
    }

    static int integer(String property, int fallback) {
        return lookup(property)
                .map(v -> {
                    try {
                        return Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new LaunchException(
                                "setting " + property.toUpperCase(Locale.ROOT).replace('.', '_')
                                        + " must be a whole number, got '" + v + "'");
                    }
                })
                .orElse(fallback);
    }
}
