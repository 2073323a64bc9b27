package org.sealpost.mailformat.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealpost.mailformat.MimeProblem.Kind;

/**
 * Turns raw header bytes into text: raw 8-bit bytes (RFC 6532 UTF-8, else ISO-8859-1), then
 * RFC 2047 encoded words.
 *
 * <p>Done here rather than with {@code MimeUtility.decodeText}, because its leniency switch
 * ({@code mail.mime.decodetext.strict}) is a JVM-wide system property read once, it decodes each
 * encoded word on its own (so a UTF-8 character split across two words, which common mailers
 * produce, turns into two replacement characters) and it reports nothing when it gives up.
 */
public final class HeaderText {

    // Lenient: encoded text may contain spaces (seen in the wild), never '?'.
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*)\\?=");

    private HeaderText() {}

    /**
     * Raw header bytes as text: ASCII as is, else UTF-8 if the bytes are valid UTF-8 (RFC 6532),
     * else ISO-8859-1 (which every byte sequence is) with a problem.
     */
    public static String fromBytes(byte[] raw, String where, Problems problems) {
        if (isAscii(raw)) {
            return new String(raw, StandardCharsets.US_ASCII);
        }
        String utf8 = strictUtf8(raw);
        if (utf8 != null) {
            return utf8;
        }
        problems.add(Kind.RAW_8BIT_HEADER, where + " contains 8-bit bytes that are not UTF-8; read as ISO-8859-1");
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    /** Removes the CR and LF of folded lines (RFC 5322 section 2.2.3) and trims. */
    public static String unfold(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\r' && c != '\n') {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /**
     * Replaces control characters (C0 including CR, LF, TAB and NUL; DEL; C1) with spaces, so a
     * decoded value cannot inject a header line or confuse a terminal when it is shown or reused.
     */
    public static String withoutControls(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(value);
                }
                out.setCharAt(i, ' ');
            }
        }
        return out == null ? value : out.toString();
    }

    /**
     * Decodes RFC 2047 encoded words anywhere in {@code text} (also inside words and quoted
     * strings, as lenient readers do). Whitespace between two encoded words is dropped (RFC 2047
     * section 6.2); adjacent words in the same charset are joined before decoding so characters
     * split across words survive. Undecodable words stay as written, with a problem.
     */
    public static String decodeEncodedWords(String text, String where, Problems problems) {
        if (text.indexOf("=?") < 0) {
            return text;
        }
        Matcher matcher = ENCODED_WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int literalStart = 0;
        PendingBytes pending = new PendingBytes();
        while (matcher.find()) {
            String between = text.substring(literalStart, matcher.start());
            byte[] bytes = decodeWordPayload(matcher.group(2), matcher.group(3), where, problems);
            String charsetName = matcher.group(1);
            int star = charsetName.indexOf('*');
            if (star >= 0) {
                charsetName = charsetName.substring(0, star); // RFC 2231 section 5 language suffix
            }
            if (bytes == null) {
                pending.flushInto(out, where, problems);
                out.append(between).append(matcher.group());
            } else {
                boolean dropBetween = pending.charsetName != null && between.isBlank();
                if (!dropBetween) {
                    pending.flushInto(out, where, problems);
                    out.append(between);
                } else if (!pending.charsetName.equalsIgnoreCase(charsetName)) {
                    pending.flushInto(out, where, problems);
                }
                pending.append(charsetName, bytes);
            }
            literalStart = matcher.end();
        }
        pending.flushInto(out, where, problems);
        out.append(text, literalStart, text.length());
        return out.toString();
    }

    /**
     * Decodes {@code bytes} in the named charset. An unknown charset is reported and the bytes
     * are read as UTF-8 if valid, else ISO-8859-1: more often readable than leaving them encoded.
     */
    public static String decodeCharset(byte[] bytes, String charsetName, String where, Problems problems) {
        Charset charset = charset(charsetName);
        if (charset == null) {
            problems.add(
                    Kind.UNKNOWN_CHARSET,
                    where + " uses unknown charset \"" + safeToken(charsetName) + "\"; read as UTF-8 or ISO-8859-1");
            String utf8 = strictUtf8(bytes);
            return utf8 != null ? utf8 : new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return new String(bytes, charset);
    }

    /** The charset, or {@code null} when Java does not know it. */
    public static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** A sender-chosen token made safe to put into a problem detail. */
    public static String safeToken(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9._:+/-]", "?");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "..." : cleaned;
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** The bytes as UTF-8, or {@code null} when they are not valid UTF-8. */
    public static String strictUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] decodeWordPayload(String encoding, String payload, String where, Problems problems) {
        if (encoding.equalsIgnoreCase("B")) {
            String compact = payload.replaceAll("\\s", "");
            try {
                return Base64.getDecoder().decode(compact);
            } catch (IllegalArgumentException strictFailed) {
                // Missing padding or stray characters: the MIME decoder skips what is not base64.
                problems.add(Kind.UNDECODABLE_HEADER_ENCODING, where + " has a damaged base64 encoded word");
                try {
                    return Base64.getMimeDecoder().decode(compact);
                } catch (IllegalArgumentException alsoFailed) {
                    return null;
                }
            }
        }
        byte[] out = new byte[payload.length() * 3];
        int length = 0;
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c == '_') {
                out[length++] = ' ';
            } else if (c == '='
                    && i + 2 < payload.length()
                    && isHex(payload.charAt(i + 1))
                    && isHex(payload.charAt(i + 2))) {
                out[length++] = (byte) Integer.parseInt(payload.substring(i + 1, i + 3), 16);
                i += 2;
            } else if (c < 0x80) {
                if (c == '=') {
                    problems.add(
                            Kind.UNDECODABLE_HEADER_ENCODING,
                            where + " has a quoted-printable encoded word with a broken '=' escape");
                }
                out[length++] = (byte) c;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(utf8, 0, out, length, utf8.length);
                length += utf8.length;
            }
        }
        byte[] result = new byte[length];
        System.arraycopy(out, 0, result, 0, length);
        return result;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    private static final class PendingBytes {
        String charsetName;
        byte[] bytes = new byte[0];

        void append(String charset, byte[] more) {
            charsetName = charset;
            byte[] joined = new byte[bytes.length + more.length];
            System.arraycopy(bytes, 0, joined, 0, bytes.length);
            System.arraycopy(more, 0, joined, bytes.length, more.length);
            bytes = joined;
        }

        void flushInto(StringBuilder out, String where, Problems problems) {
            if (charsetName != null) {
                out.append(decodeCharset(bytes, charsetName, where, problems));
            }
            charsetName = null;
            bytes = new byte[0];
        }
    }
}
