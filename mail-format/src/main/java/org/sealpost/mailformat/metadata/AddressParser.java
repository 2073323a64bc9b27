package org.sealpost.mailformat.metadata;

import java.util.ArrayList;
import java.util.List;
import org.sealpost.mailformat.MimeProblem.Kind;
import org.sealpost.mailformat.internal.HeaderText;
import org.sealpost.mailformat.internal.Problems;

/**
 * A forgiving reader of RFC 5322 address lists ({@code From}, {@code To}, {@code Cc},
 * {@code Reply-To}): mailboxes with or without display names, quoted strings, comments, groups,
 * old {@code addr (Name)} style, and RFC 2047 encoded display names, also where RFC 2047 does
 * not allow them (inside quotes), because real mailers put them there.
 *
 * <p>{@code InternetAddress.parseHeader} throws on much of what arrives; this never throws and
 * keeps every mailbox it can recognise.
 */
final class AddressParser {

    private AddressParser() {}

    /** The mailboxes in {@code value} (already turned into text, RFC 2047 words still encoded). */
    public static List<MailAddress> parse(String value, String where, Problems problems) {
        List<MailAddress> result = new ArrayList<>();
        int malformed = 0;
        String text = value;
        for (int opener = unterminatedOpener(text), attempts = 0;
                opener >= 0 && attempts < 10;
                opener = unterminatedOpener(text), attempts++) {
            // An unmatched '"' or '(' would swallow the rest of the list: read it as a plain character.
            problems.add(Kind.MALFORMED_ADDRESS, where + " has an unterminated quoted string or comment");
            text = text.substring(0, opener) + text.substring(opener + 1);
        }
        for (String item : splitItems(text)) {
            MailAddress address = parseItem(item, where, problems);
            if (address == null) {
                continue;
            }
            if (address.address().isEmpty()
                    || address.address().indexOf('@') <= 0
                    || address.address().indexOf('@') == address.address().length() - 1) {
                malformed++;
            }
            result.add(address);
        }
        if (malformed > 0) {
            problems.add(
                    Kind.MALFORMED_ADDRESS, where + " has " + malformed + " address(es) that are not local@domain");
        }
        return result;
    }

    /** Index of a '"' or '(' that is never closed, or -1. */
    private static int unterminatedOpener(String value) {
        int quoteStart = -1;
        int commentStart = -1;
        int commentDepth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (quoteStart >= 0) {
                if (c == '"') {
                    quoteStart = -1;
                }
            } else if (commentDepth > 0) {
                if (c == '(') {
                    commentDepth++;
                } else if (c == ')') {
                    commentDepth--;
                }
            } else if (c == '"') {
                quoteStart = i;
            } else if (c == '(') {
                commentDepth = 1;
                commentStart = i;
            }
        }
        return quoteStart >= 0 ? quoteStart : commentDepth > 0 ? commentStart : -1;
    }

    /**
     * Splits at top-level commas and semicolons, dropping group names ({@code name:}); quotes,
     * comments and angle brackets protect their content.
     */
    private static List<String> splitItems(String value) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuote = false;
        boolean inAngle = false;
        int commentDepth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (inQuote) {
                current.append(c);
                if (c == '\\' && i + 1 < value.length()) {
                    current.append(value.charAt(++i));
                } else if (c == '"') {
                    inQuote = false;
                }
                continue;
            }
            if (commentDepth > 0) {
                current.append(c);
                if (c == '\\' && i + 1 < value.length()) {
                    current.append(value.charAt(++i));
                } else if (c == '(') {
                    commentDepth++;
                } else if (c == ')') {
                    commentDepth--;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inQuote = true;
                    current.append(c);
                }
                case '(' -> {
                    commentDepth = 1;
                    current.append(c);
                }
                case '<' -> {
                    inAngle = true;
                    current.append(c);
                }
                case '>' -> {
                    inAngle = false;
                    current.append(c);
                }
                case ',', ';' -> {
                    if (inAngle) {
                        current.append(c);
                    } else {
                        items.add(current.toString());
                        current.setLength(0);
                    }
                }
                case ':' -> {
                    if (inAngle || current.indexOf("@") >= 0) {
                        current.append(c);
                    } else {
                        current.setLength(0); // a group name: its members follow
                    }
                }
                default -> current.append(c);
            }
        }
        items.add(current.toString());
        return items;
    }

    private static MailAddress parseItem(String item, String where, Problems problems) {
        if (item.isBlank()) {
            return null;
        }
        StringBuilder outside = new StringBuilder();
        StringBuilder comment = new StringBuilder();
        String angle = null;
        boolean inQuote = false;
        int commentDepth = 0;
        int angleStart = -1;
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            if (angleStart >= 0) {
                if (c == '>') {
                    angle = item.substring(angleStart, i);
                    angleStart = -1;
                }
                continue;
            }
            if (inQuote) {
                if (c == '\\' && i + 1 < item.length()) {
                    outside.append(item.charAt(++i));
                } else if (c == '"') {
                    inQuote = false;
                } else {
                    outside.append(c);
                }
                continue;
            }
            if (commentDepth > 0) {
                if (c == '(') {
                    commentDepth++;
                } else if (c == ')') {
                    commentDepth--;
                    if (commentDepth == 0) {
                        comment.append(' ');
                        continue;
                    }
                }
                if (c == '\\' && i + 1 < item.length()) {
                    comment.append(item.charAt(++i));
                } else {
                    comment.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> inQuote = true;
                case '(' -> commentDepth = 1;
                case '<' -> angleStart = i + 1;
                default -> outside.append(c);
            }
        }
        if (angleStart >= 0) {
            angle = item.substring(angleStart);
            problems.add(Kind.MALFORMED_ADDRESS, where + " has an address with '<' but no '>'");
        }
        if (inQuote || commentDepth > 0) {
            problems.add(Kind.MALFORMED_ADDRESS, where + " has an unterminated quoted string or comment");
        }
        String outsideText = outside.toString();
        String address;
        String displayName;
        if (angle != null) {
            address = stripRoute(angle.strip()).replaceAll("\\s+", "");
            displayName = displayName(outsideText, where, problems);
            if (displayName == null) {
                displayName = displayName(comment.toString(), where, problems);
            }
        } else {
            address = outsideText.replaceAll("\\s+", "");
            displayName = displayName(comment.toString(), where, problems);
        }
        if (address.isEmpty() && displayName == null) {
            return null;
        }
        return new MailAddress(displayName, address);
    }

    /** Obsolete source routes {@code <@a,@b:user@host>} (RFC 5322 section 4.4): keep the mailbox. */
    private static String stripRoute(String angle) {
        if (angle.startsWith("@")) {
            int colon = angle.indexOf(':');
            if (colon >= 0) {
                return angle.substring(colon + 1);
            }
        }
        return angle;
    }

    private static String displayName(String raw, String where, Problems problems) {
        String joined = raw.replaceAll("\\s+", " ").strip();
        if (joined.isEmpty()) {
            return null;
        }
        String decoded = HeaderText.withoutControls(HeaderText.decodeEncodedWords(joined, where, problems))
                .strip();
        return decoded.isEmpty() ? null : decoded;
    }
}
