package org.sealpost.mailformat.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealpost.mailformat.MimeProblem.Kind;

/**
 * A parsed {@code Content-Type} or {@code Content-Disposition} value: the lower-case main value
 * and its parameters, with RFC 2231 continuations and charsets ({@code filename*0*=UTF-8''...})
 * assembled and decoded, and RFC 2047 encoded words in parameter values (not allowed there, but
 * what many mailers send for file names) decoded too.
 *
 * <p>Jakarta Mail's {@code ParameterList} does this only as strictly or loosely as the JVM-wide
 * {@code mail.mime.parameters.strict} / {@code mail.mime.decodefilename} system properties say,
 * and throws on unquoted spaces; this never throws.
 */
public record ContentHeader(String value, Map<String, String> parameters) {

    private static final Pattern EXTENDED = Pattern.compile("(.+?)\\*(?:(\\d{1,3})(\\*)?)?");

    public ContentHeader {
        parameters = Map.copyOf(parameters);
    }

    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }

    public static ContentHeader parse(String header, String where, Problems problems) {
        int semicolon = indexOfUnquoted(header, ';', 0);
        String value = HeaderComments.strip(semicolon < 0 ? header : header.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", "");
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, Segment>> extended = new LinkedHashMap<>();
        int pos = semicolon < 0 ? header.length() : semicolon + 1;
        while (pos < header.length()) {
            while (pos < header.length() && (header.charAt(pos) == ';' || Character.isWhitespace(header.charAt(pos)))) {
                pos++;
            }
            if (pos >= header.length()) {
                break;
            }
            int equals = header.indexOf('=', pos);
            int nextSemicolon = header.indexOf(';', pos);
            if (equals < 0 || (nextSemicolon >= 0 && nextSemicolon < equals)) {
                // A parameter without '=': nothing to keep; skip to the next one.
                pos = nextSemicolon < 0 ? header.length() : nextSemicolon + 1;
                continue;
            }
            String name = header.substring(pos, equals).strip().toLowerCase(Locale.ROOT);
            String label = where + " parameter " + HeaderText.safeToken(name);
            pos = equals + 1;
            while (pos < header.length() && Character.isWhitespace(header.charAt(pos))) {
                pos++;
            }
            String raw;
            if (pos < header.length() && header.charAt(pos) == '"') {
                StringBuilder quoted = new StringBuilder();
                pos++;
                boolean closed = false;
                while (pos < header.length()) {
                    char c = header.charAt(pos++);
                    if (c == '\\' && pos < header.length()) {
                        quoted.append(header.charAt(pos++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        quoted.append(c);
                    }
                }
                if (!closed) {
                    problems.add(Kind.MALFORMED_CONTENT_TYPE, label + " has an unterminated quoted value");
                }
                raw = quoted.toString();
                int end = header.indexOf(';', pos);
                pos = end < 0 ? header.length() : end + 1;
            } else {
                int end = header.indexOf(';', pos);
                raw = header.substring(pos, end < 0 ? header.length() : end).strip();
                pos = end < 0 ? header.length() : end + 1;
            }
            if (name.isEmpty()) {
                continue;
            }
            Matcher matcher = EXTENDED.matcher(name);
            if (name.indexOf('*') >= 0 && matcher.matches()) {
                String base = matcher.group(1);
                int index = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
                boolean encoded = matcher.group(2) == null || matcher.group(3) != null;
                extended.computeIfAbsent(base, k -> new TreeMap<>()).putIfAbsent(index, new Segment(raw, encoded));
            } else {
                plain.putIfAbsent(name, raw);
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : plain.entrySet()) {
            parameters.put(
                    entry.getKey(),
                    HeaderText.withoutControls(HeaderText.decodeEncodedWords(
                            entry.getValue(), where + " parameter " + HeaderText.safeToken(entry.getKey()), problems)));
        }
        for (Map.Entry<String, TreeMap<Integer, Segment>> entry : extended.entrySet()) {
            // RFC 2231 values win over plain ones of the same name: they are the precise form.
            parameters.put(
                    entry.getKey(),
                    assemble(where + " parameter " + HeaderText.safeToken(entry.getKey()), entry.getValue(), problems));
        }
        return new ContentHeader(value, parameters);
    }

    /** RFC 2231 sections 3 and 4: join the segments' bytes in order, then decode once. */
    private static String assemble(String label, TreeMap<Integer, Segment> segments, Problems problems) {
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean anyEncoded = false;
        int expected = 0;
        for (Map.Entry<Integer, Segment> entry : segments.entrySet()) {
            if (entry.getKey() != expected) {
                problems.add(Kind.MALFORMED_CONTENT_TYPE, label + " has a gap in its RFC 2231 continuations");
            }
            expected = entry.getKey() + 1;
            Segment segment = entry.getValue();
            String text = segment.text();
            if (segment.encoded()) {
                anyEncoded = true;
                if (entry.getKey() == 0) {
                    int first = text.indexOf('\'');
                    int second = first < 0 ? -1 : text.indexOf('\'', first + 1);
                    if (second >= 0) {
                        charset = text.substring(0, first);
                        text = text.substring(second + 1);
                    } else {
                        problems.add(
                                Kind.UNDECODABLE_HEADER_ENCODING,
                                label + " lacks the charset'language' prefix of RFC 2231");
                    }
                }
                percentDecode(text, bytes, label, problems);
            } else {
                bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] raw = bytes.toByteArray();
        String decoded;
        if (charset == null || charset.isEmpty()) {
            String utf8 = HeaderText.strictUtf8(raw);
            decoded = utf8 != null ? utf8 : new String(raw, StandardCharsets.ISO_8859_1);
        } else {
            decoded = HeaderText.decodeCharset(raw, charset, label, problems);
        }
        if (!anyEncoded) {
            decoded = HeaderText.decodeEncodedWords(decoded, label, problems);
        }
        return HeaderText.withoutControls(decoded);
    }

    private static void percentDecode(String text, ByteArrayOutputStream out, String label, Problems problems) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%'
                    && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 2;
            } else {
                if (c == '%') {
                    problems.add(Kind.UNDECODABLE_HEADER_ENCODING, label + " has a broken %-escape");
                }
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static int indexOfUnquoted(String text, char wanted, int from) {
        boolean inQuote = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inQuote = !inQuote;
            } else if (c == wanted && !inQuote) {
                return i;
            }
        }
        return -1;
    }

    private record Segment(String text, boolean encoded) {}
}
