package org.sealpost.bench;

import java.util.Map;
import java.util.TreeMap;

/** The drivers' command line: {@code --name value} pairs, read into a map by name. */
final class BenchOptions {

    private BenchOptions() {}

    /** {@code --sessions 50 --think-ms 1000} becomes {sessions=50, think-ms=1000}; a trailing name without a value is ignored. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
