package org.sealpost.launcher;

import java.util.Locale;
import org.sealpost.portal.config.Setting;

/**
 * {@code SEALPOST_LOG_CONSOLE}: what of the server's log the launcher's console shows.
 * {@code quiet} (the default) is for a person at a terminal: the addresses, then errors; the
 * full log goes to {@code <data>/logs/}. {@code full} streams everything to stdout as before,
 * for a container whose log collector reads stdout.
 */
enum ConsoleMode {
    QUIET,
    FULL;

    static ConsoleMode fromSettings() {
        String value = LauncherSettings.lookup(Setting.LOG_CONSOLE.property()).orElse("quiet");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "quiet" -> QUIET;
            case "full" -> FULL;
            default ->
                throw new LaunchException("setting SEALPOST_LOG_CONSOLE must be quiet or full, got '" + value + "'");
        };
    }
}
