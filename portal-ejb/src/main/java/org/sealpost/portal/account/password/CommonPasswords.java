package org.sealpost.portal.account.password;

import com.nulabinc.zxcvbn.StandardDictionaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The 30,000 most common passwords, from zxcvbn's {@code passwords} frequency list (lower case,
 * most frequent first). Loaded once per class loader, on first use, into about 2 MB of heap.
 */
final class CommonPasswords {

    private static final Set<String> LIST = load();

    private CommonPasswords() {}

    /** How many passwords the list holds. */
    static int size() {
        return LIST.size();
    }

    /**
     * Whether {@code normalised} (NFKC) is a listed password, compared without case, either as it
     * is or with the run of non-letters at its start and its end removed ("iloveyou1234",
     * "!!dragon2024" are "iloveyou" and "dragon" to an attacker's rule set).
     */
    static boolean contains(String normalised) {
        String lower = normalised.toLowerCase(Locale.ROOT);
        if (LIST.contains(lower)) {
            return true;
        }
        String core = lettersCore(lower);
        return !core.isEmpty() && !core.equals(lower) && LIST.contains(core);
    }

    /** {@code text} without the code points before its first and after its last letter. */
    static String lettersCore(String text) {
        int start = 0;
        while (start < text.length() && !Character.isLetter(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        int end = text.length();
        while (end > start && !Character.isLetter(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static Set<String> load() {
        try {
            List<String> ranked = StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies();
            return Set.copyOf(
                    ranked.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("zxcvbn's common-password list is missing from the class path", e);
        }
    }
}
