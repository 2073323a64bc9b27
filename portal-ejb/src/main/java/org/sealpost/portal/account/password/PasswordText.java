package org.sealpost.portal.account.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * The one place that decides what a password "is": its NFKC normal form (NIST SP 800-63B
 * section 5.1.1.2), counted in code points and hashed as UTF-8. The policy and the hasher both
 * go through here, so a password is screened in exactly the form in which it is hashed.
 */
final class PasswordText {

    private PasswordText() {}

    /** The NFKC normal form of {@code password}. */
    static String normalise(CharSequence password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** Characters as a person counts them: Unicode code points, a surrogate pair being one. */
    static int codePoints(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }

    /** Whether {@code text} has a high or low surrogate that is not part of a pair. */
    static boolean hasUnpairedSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The UTF-8 bytes of the NFKC form of {@code password}, for the hash. The caller wipes them.
     *
     * <p>When the password is already in NFKC (any ASCII password is) it is encoded straight from
     * the caller's array, so no immutable {@code String} copy of it is left for the garbage
     * collector; otherwise {@link Normalizer} can only return a {@code String}.
     *
     * @throws CharacterCodingException if the password has an unpaired surrogate, which has no
     *                                  UTF-8 form
     */
    static byte[] utf8(char[] password) throws CharacterCodingException {
        CharBuffer chars = CharBuffer.wrap(password);
        CharSequence normal = Normalizer.isNormalized(chars, Normalizer.Form.NFKC) ? chars : normalise(chars);
        CharsetEncoder encoder = StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer encoded = encoder.encode(CharBuffer.wrap(normal));
        byte[] bytes =
                Arrays.copyOfRange(encoded.array(), encoded.arrayOffset(), encoded.arrayOffset() + encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }
}
