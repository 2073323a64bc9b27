package org.sealpost.launcher;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of Payara Micro's output lines the quiet console shows: records at SEVERE (and
 * Payara's ALERT and EMERGENCY above it) always, WARNING only once the portal is ready, since
 * a healthy boot logs a dozen warnings nobody can act on (expired CAs in Payara's own trust
 * store, a health probe answered before deployment, Hazelcast's port search). Not thread-safe:
 * one reader thread feeds it.
 *
 * <p>Payara Micro writes its records in the ODL format (Oracle Diagnostic Logging):
 * {@code [time] [] [LEVEL] [message id] [logger] [tid: …] [timeMillis: …] [levelValue: …] message},
 * a message of several lines (a stack trace) opened with {@code [[} and closed with {@code ]]}.
 * java.util.logging's SimpleFormatter (a header line, then {@code SEVERE: message}) and the
 * JVM's own {@code WARNING:} lines on stderr are recognised too.
 */
final class ServerLogFilter {

    /** Lines of one record shown at most; a long stack trace is in the full log. */
    static final int MAX_LINES_PER_RECORD = 12;

    private static final Set<String> ALWAYS = Set.of("SEVERE", "ALERT", "EMERGENCY");
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Pattern ODL =
            Pattern.compile("^\\[([^\\]]*)\\] \\[[^\\]]*\\] \\[([A-Z]+)\\] \\[[^\\]]*\\] \\[([^\\]]*)\\] "
                    + "(?:\\[tid: [^\\]]*\\] )?(?:\\[timeMillis: \\d+\\] )?(?:\\[levelValue: -?\\d+\\] )?(.*)$");
    private static final Pattern PLAIN =
            Pattern.compile("^(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST|ALERT|EMERGENCY): .*");
    /** SimpleFormatter's default header: {@code Dec 03, 2026 8:48:39 AM org.example.Class method}. */
    private static final Pattern SIMPLE_HEADER =
            Pattern.compile("^[A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M \\S.*");

    /** What the lines after a record's first belong to. */
    private enum Open {
        /** no record: the line is nobody's (Payara's URL banner, a blank line) */
        NONE,
        /** an ODL message opened with [[, until ]] */
        ODL_BLOCK,
        /** a SimpleFormatter or JVM record, until a blank line (its stack trace) */
        PLAIN
    }

    private boolean warningsToo;
    private Open open = Open.NONE;
    private boolean showing;
    private int shownOfRecord;
    private String previous = "";

    /** Once the portal is ready a warning is news: show them from now on. */
    void showWarningsFromNowOn() {
        warningsToo = true;
    }

    /** The line as a file or a console should keep it: without colour codes. */
    static String withoutColour(String line) {
        return line.indexOf('\u001B') < 0 ? line : ANSI_ESCAPE.matcher(line).replaceAll("");
    }

    /** @param line one line of the server's output, colour codes removed; returns what to print */
    List<String> accept(String line) {
        try {
            return decide(line);
        } finally {
            previous = line;
        }
    }

    private List<String> decide(String line) {
        Matcher odl = ODL.matcher(line);
        if (odl.matches()) {
            String message = odl.group(4);
            boolean block = message.endsWith("[[");
            startRecord(odl.group(2), block ? Open.ODL_BLOCK : Open.NONE);
            String text = block ? message.substring(0, message.length() - 2).stripTrailing() : message;
            return showing
                    ? List.of(odl.group(1) + " " + odl.group(2) + " [" + odl.group(3) + "]"
                            + (text.isEmpty() ? "" : " " + text))
                    : List.of();
        }
        Matcher plain = PLAIN.matcher(line);
        if (plain.matches()) {
            startRecord(plain.group(1), Open.PLAIN);
            if (!showing) {
                return List.of();
            }
            return SIMPLE_HEADER.matcher(previous).matches() ? List.of(previous, line) : List.of(line);
        }
        switch (open) {
            case ODL_BLOCK -> {
                int close = line.lastIndexOf("]]");
                if (close >= 0 && line.substring(close + 2).isBlank()) {
                    open = Open.NONE;
                    String rest = line.substring(0, close);
                    return rest.isBlank() ? List.of() : continuation(rest);
                }
                return continuation(line);
            }
            case PLAIN -> {
                if (line.isBlank()) {
                    open = Open.NONE;
                    return List.of();
                }
                return continuation(line);
            }
            default -> {
                return List.of();
            }
        }
    }

    private void startRecord(String level, Open kind) {
        open = kind;
        showing = ALWAYS.contains(level) || (warningsToo && level.equals("WARNING"));
        shownOfRecord = 1;
    }

    private List<String> continuation(String line) {
        if (!showing) {
            return List.of();
        }
        shownOfRecord++;
        if (shownOfRecord < MAX_LINES_PER_RECORD) {
            return List.of(line);
        }
        if (shownOfRecord == MAX_LINES_PER_RECORD) {
            return List.of("  … (the rest of this record is in the full log)");
        }
        return List.of();
    }
}
