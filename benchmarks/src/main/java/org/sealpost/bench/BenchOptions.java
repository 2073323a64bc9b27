package org.sealpost.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The drivers' command line: {@code --name value} pairs, read by name with each driver's default.
 * The options every portal driver shares ({@code --base}, {@code --smtp-port}, {@code --mailbox})
 * have their defaults here, once.
 */
final class BenchOptions {

    private final Map<String, String> options;

    private BenchOptions(Map<String, String> options) {
        this.options = options;
    }

    /** {@code --sessions 50 --think-ms 1000} becomes {sessions=50, think-ms=1000}; a trailing name without a value is ignored. */
    static BenchOptions parse(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return new BenchOptions(options);
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    /** The value, or {@code null} when the option was not given. */
    String get(String name) {
        return options.get(name);
    }

    String text(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int number(String name, int fallback) {
        String value = options.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    long longNumber(String name, long fallback) {
        String value = options.get(name);
        return value == null ? fallback : Long.parseLong(value);
    }

    /** The portal's address ({@code --base}). */
    String base() {
        return text("base", "http://127.0.0.1:8080");
    }

    /** The bridge's SMTP port on the loopback ({@code --smtp-port}). */
    int smtpPort() {
        return number("smtp-port", 2525);
    }

    /** The development mailbox the portal's mails land in ({@code --mailbox}). */
    Path mailbox() {
        return Path.of(text("mailbox", "data/dev-mailbox/mail"));
    }
}
