package org.sealpost.bridge.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Parses the arguments of {@code MAIL FROM:} and {@code RCPT TO:} (RFC 5321 §4.1.1.2, §4.1.1.3,
 * §4.1.2) with their ESMTP parameters.
 *
 * <p>Written here rather than taken from SubEthaSMTP, whose MAIL command ignores {@code SIZE=}
 * unless it is the last parameter (a gateway sends {@code SIZE=n BODY=8BITMIME}) and fails the
 * whole session on a SIZE beyond 2^31.
 */
public final class EnvelopeArguments {

    static final SmtpReply MAIL_SYNTAX =
            new SmtpReply(501, "5.5.4", "Syntax: MAIL FROM:<address> [SIZE=<octets>] [BODY=7BIT|8BITMIME]");
    static final SmtpReply RCPT_SYNTAX = new SmtpReply(501, "5.5.4", "Syntax: RCPT TO:<address>");
    static final SmtpReply BAD_SENDER = new SmtpReply(553, "5.1.7", "Sender address is not a valid RFC 5321 mailbox");
    static final SmtpReply BAD_RECIPIENT =
            new SmtpReply(553, "5.1.3", "Recipient address is not a valid RFC 5321 mailbox");
    static final SmtpReply NULL_RECIPIENT = new SmtpReply(553, "5.1.3", "The null path <> is not a valid recipient");
    static final SmtpReply BAD_SIZE = new SmtpReply(501, "5.5.4", "SIZE must be a decimal number of octets (RFC 1870)");
    static final SmtpReply BAD_BODY = new SmtpReply(501, "5.5.4", "BODY must be 7BIT or 8BITMIME (RFC 6152)");

    /** RFC 5321 §4.5.3.1.3: a Path is at most 256 octets including the angle brackets. */
    private static final int MAX_PATH = 256;

    /** RFC 5321 §4.5.1: {@code <Postmaster>} without a domain MUST be accepted as a recipient. */
    private static final String POSTMASTER = "postmaster";

    private EnvelopeArguments() {}

    /**
     * The parsed {@code MAIL FROM:} arguments.
     *
     * @param reversePath the sender, {@code ""} for the null reverse-path
     * @param declaredSize the {@code SIZE=} value (RFC 1870), if given
     */
    public record MailArguments(String reversePath, OptionalLong declaredSize) {}

    /** Parses what follows the verb {@code MAIL}, e.g. {@code FROM:<a@b> SIZE=1000}. */
    public static MailArguments parseMail(String arguments) throws ReplyException {
        String rest = afterKeyword(arguments, "FROM:", MAIL_SYNTAX);
        String[] pathAndParameters = splitPath(rest, MAIL_SYNTAX, BAD_SENDER);
        String path = pathAndParameters[0];
        String reversePath;
        if (path.equals("<>")) {
            reversePath = "";
        } else {
            Mailbox mailbox = parsePath(path);
            if (mailbox == null || mailbox.isPostmaster()) {
                throw new ReplyException(BAD_SENDER);
            }
            reversePath = mailbox.address();
        }
        OptionalLong size = OptionalLong.empty();
        Set<String> seen = new HashSet<>();
        for (String parameter : parameters(pathAndParameters[1])) {
            int eq = parameter.indexOf('=');
            String keyword = (eq < 0 ? parameter : parameter.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? null : parameter.substring(eq + 1);
            if (!seen.add(keyword)) {
                throw new ReplyException(new SmtpReply(501, "5.5.4", "Duplicate parameter " + keyword));
            }
            switch (keyword) {
                case "SIZE" -> size = OptionalLong.of(parseSize(value));
                case "BODY" -> {
                    if (value == null || !(value.equalsIgnoreCase("7BIT") || value.equalsIgnoreCase("8BITMIME"))) {
                        throw new ReplyException(BAD_BODY);
                    }
                }
                default -> throw new ReplyException(unrecognised("MAIL FROM", keyword));
            }
        }
        return new MailArguments(reversePath, size);
    }

    /** Parses what follows the verb {@code RCPT}, e.g. {@code TO:<a@b>}. */
    public static Mailbox parseRcpt(String arguments) throws ReplyException {
        String rest = afterKeyword(arguments, "TO:", RCPT_SYNTAX);
        String[] pathAndParameters = splitPath(rest, RCPT_SYNTAX, BAD_RECIPIENT);
        String path = pathAndParameters[0];
        if (path.equals("<>")) {
            throw new ReplyException(NULL_RECIPIENT);
        }
        // We advertise no extension with RCPT parameters (no DSN), so any parameter is unknown.
        for (String parameter : parameters(pathAndParameters[1])) {
            int eq = parameter.indexOf('=');
            String keyword = (eq < 0 ? parameter : parameter.substring(0, eq)).toUpperCase(Locale.ROOT);
            throw new ReplyException(unrecognised("RCPT TO", keyword));
        }
        Mailbox mailbox = stripBrackets(path).equalsIgnoreCase(POSTMASTER)
                ? Mailbox.parseAddress(stripBrackets(path))
                : parsePath(path);
        if (mailbox == null) {
            throw new ReplyException(BAD_RECIPIENT);
        }
        return mailbox;
    }

    // RFC 5321 §4.1.1.11: parameters we did not advertise get 555.
    private static SmtpReply unrecognised(String command, String keyword) {
        String printable = SmtpReply.printable(keyword, "?");
        return new SmtpReply(555, "5.5.4", command + " parameter " + printable + " not recognized");
    }

    private static String afterKeyword(String arguments, String keyword, SmtpReply syntax) throws ReplyException {
        String trimmed = arguments.strip();
        if (trimmed.length() < keyword.length() || !trimmed.regionMatches(true, 0, keyword, 0, keyword.length())) {
            throw new ReplyException(syntax);
        }
        // RFC 5321 has no space after the colon, but many clients send one; accept it
        // (RFC 5321 §4.1.2 asks servers to be liberal here).
        String rest = trimmed.substring(keyword.length()).stripLeading();
        if (rest.isEmpty()) {
            throw new ReplyException(syntax);
        }
        return rest;
    }

    /** Splits "{@code <path> params}" at the end of the path, honouring quoted local parts. */
    private static String[] splitPath(String rest, SmtpReply syntax, SmtpReply badAddress) throws ReplyException {
        int end;
        if (rest.charAt(0) == '<') {
            end = closingBracket(rest);
            if (end < 0) {
                throw new ReplyException(syntax);
            }
            end++;
        } else {
            // Without angle brackets (not RFC 5321, but seen in the wild): up to the first space.
            int space = rest.indexOf(' ');
            end = space < 0 ? rest.length() : space;
        }
        String path = rest.substring(0, end);
        if (path.length() > MAX_PATH) {
            throw new ReplyException(badAddress);
        }
        String parameters = rest.substring(end);
        if (!parameters.isEmpty() && parameters.charAt(0) != ' ') {
            throw new ReplyException(syntax);
        }
        return new String[] {path, parameters};
    }

    private static int closingBracket(String s) {
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String stripBrackets(String path) {
        if (path.length() >= 2 && path.charAt(0) == '<' && path.charAt(path.length() - 1) == '>') {
            return path.substring(1, path.length() - 1);
        }
        return path;
    }

    private static Mailbox parsePath(String path) {
        String inner = stripBrackets(path);
        // RFC 5321 §4.1.2 / Appendix C: a source route ("@a,@b:") MUST be accepted and SHOULD be
        // ignored.
        if (inner.startsWith("@")) {
            int colon = inner.indexOf(':');
            if (colon < 0) {
                return null;
            }
            inner = inner.substring(colon + 1);
        }
        return Mailbox.parse(inner);
    }

    private static String[] parameters(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split(" +");
    }

    private static long parseSize(String value) throws ReplyException {
        if (value == null
                || value.isEmpty()
                || value.length() > 20
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ReplyException(BAD_SIZE);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            // More than 2^63 octets: certainly over any limit.
            return Long.MAX_VALUE;
        }
    }
}
