package org.sealpost.search.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.sealpost.search.IndexedMessage;

/**
 * Deterministic synthetic mail: message {@code n} is always the same, so the benchmark can draw
 * queries from a message's own words without keeping 200,000 messages in memory.
 *
 * <p>Words are pronounceable syllable strings with a Zipf-like frequency (exponent
 * {@value #ZIPF_EXPONENT}, as measured for English text), the shortest words the most frequent.
 * Bodies are about {@value #BODY_CHARS} characters of sentences.
 */
final class SyntheticMail {

    static final int VOCABULARY = 50_000;
    static final double ZIPF_EXPONENT = 1.07;
    static final int BODY_CHARS = 2_000;

    private static final String[] ONSETS = {
        "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "ch", "cl",
        "dr", "fl", "gr", "pl", "pr", "sh", "st", "th", "tr"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "y"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "t", "l", "m", "nd", "st"};
    private static final String[] FOLDERS = {
        "INBOX", "INBOX", "INBOX", "INBOX", "INBOX", "INBOX", "INBOX", "SENT", "SENT", "TRASH"
    };
    private static final String[] EXTENSIONS = {"pdf", "docx", "xlsx", "png", "zip"};
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(730).toSeconds();

    private final long seed;
    private final int accounts;
    private final String[] words;
    private final double[] cumulative;

    SyntheticMail(long seed, int accounts) {
        this.seed = seed;
        this.accounts = accounts;
        this.words = vocabulary(new Random(seed));
        this.cumulative = zipfCumulative(VOCABULARY);
    }

    long accountOf(int n) {
        return 1 + (n % accounts);
    }

    /** The {@code n}th message. */
    IndexedMessage message(int n) {
        Random random = new Random(seed * 31 + n);
        return new IndexedMessage(
                accountOf(n),
                "msg-" + n,
                FOLDERS[random.nextInt(FOLDERS.length)],
                address(random),
                addresses(random, 1 + random.nextInt(3)),
                addresses(random, random.nextInt(3)),
                capitalised(phrase(random, 3 + random.nextInt(6))),
                body(random),
                attachments(random),
                EPOCH.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS)));
    }

    /** The words of a body, as a search box user would type them. */
    static List<String> bodyWords(IndexedMessage message) {
        return Arrays.stream(message.bodyText().split("[^\\p{L}]+"))
                .filter(w -> !w.isEmpty())
                .map(String::toLowerCase)
                .toList();
    }

    private String body(Random random) {
        StringBuilder body = new StringBuilder(BODY_CHARS + 100);
        while (body.length() < BODY_CHARS) {
            body.append(capitalised(phrase(random, 5 + random.nextInt(15))));
            body.append(random.nextInt(5) == 0 ? "? " : ". ");
            if (random.nextInt(6) == 0) {
                body.append("\n\n");
            }
        }
        return body.toString();
    }

    private List<String> attachments(Random random) {
        int count = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(word(random) + "-" + word(random) + "_" + (2020 + random.nextInt(6)) + "."
                    + EXTENSIONS[random.nextInt(EXTENSIONS.length)]);
        }
        return names;
    }

    private String addresses(Random random, int count) {
        List<String> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(address(random));
        }
        return String.join(", ", list);
    }

    private String address(Random random) {
        String first = words[random.nextInt(2_000) + 200];
        String last = words[random.nextInt(5_000) + 200];
        String domain = words[random.nextInt(300) + 1_000];
        return capitalised(first) + " " + capitalised(last) + " <" + first + "." + last + "@" + domain + ".example>";
    }

    private String phrase(Random random, int length) {
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                phrase.append(random.nextInt(12) == 0 ? ", " : " ");
            }
            phrase.append(word(random));
        }
        return phrase.toString();
    }

    private String word(Random random) {
        int rank = Arrays.binarySearch(cumulative, random.nextDouble());
        return words[rank >= 0 ? rank : Math.min(-rank - 1, VOCABULARY - 1)];
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String[] vocabulary(Random random) {
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < VOCABULARY) {
            StringBuilder word = new StringBuilder();
            int syllables = 1 + random.nextInt(4);
            for (int s = 0; s < syllables; s++) {
                word.append(ONSETS[random.nextInt(ONSETS.length)]);
                word.append(VOWELS[random.nextInt(VOWELS.length)]);
            }
            word.append(CODAS[random.nextInt(CODAS.length)]);
            words.add(word.toString());
        }
        return words.stream().sorted(Comparator.comparingInt(String::length)).toArray(String[]::new);
    }

    private static double[] zipfCumulative(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int rank = 0; rank < size; rank++) {
            sum += 1.0 / Math.pow(rank + 1, ZIPF_EXPONENT);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < size; rank++) {
            cumulative[rank] /= sum;
        }
        return cumulative;
    }
}
