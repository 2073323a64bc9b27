package org.sealpost.portal.account.password;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.account.password.PasswordProblem.Code;

/**
 * Decides whether a person may choose a password, by the rules of NIST SP 800-63B described in
 * this package's documentation: length in code points after NFKC normalisation, not the
 * account's address, not a common password, not easy to guess. No composition rules.
 *
 * <p>Thread-safe; one instance serves the application. The first instance in a class loader
 * loads zxcvbn's dictionaries (about 150 ms, a few MB of heap).
 */
public final class PasswordPolicy {

    public static final int DEFAULT_MIN_CODE_POINTS = 12;
    public static final int MAX_CODE_POINTS = 128;
    /** zxcvbn score 3: "safely unguessable", at least 10<sup>8</sup> guesses. */
    public static final int MIN_ZXCVBN_SCORE = 3;

    /** Local parts shorter than this are too likely to be ordinary words to refuse outright. */
    static final int MIN_REFUSED_LOCAL_PART = 4;

    private static final List<String> SERVICE_WORDS = List.of("sealpost", "secure", "portal");

    private final int minCodePoints;
    private final List<String> contextWords;

    /** The default policy: at least {@value #DEFAULT_MIN_CODE_POINTS} code points. */
    public PasswordPolicy() {
        this(DEFAULT_MIN_CODE_POINTS, List.of());
    }

    /**
     * @param minCodePoints the minimum length; 8 to {@value #MAX_CODE_POINTS} (NIST SP 800-63B
     *                      rev. 4 asks 15 where the password is the only factor)
     * @param contextWords  words an attacker would try for this installation, such as the
     *                      organisation's name; they lower the guessability estimate
     */
    public PasswordPolicy(int minCodePoints, Collection<String> contextWords) {
        if (minCodePoints < 8 || minCodePoints > MAX_CODE_POINTS) {
            throw new IllegalArgumentException("the minimum password length must be 8 to " + MAX_CODE_POINTS
                    + " characters (NIST SP 800-63B), not " + minCodePoints);
        }
        this.minCodePoints = minCodePoints;
        Set<String> words = new LinkedHashSet<>(SERVICE_WORDS);
        contextWords.forEach(w -> addWithParts(words, PasswordText.normalise(w).toLowerCase(Locale.ROOT)));
        this.contextWords = List.copyOf(words);
    }

    public int minCodePoints() {
        return minCodePoints;
    }

    /** Checks {@code candidate} as the new password of the account {@code owner}. */
    public PasswordVerdict check(String candidate, EmailAddress owner) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(owner, "owner");
        // NFKC can shrink a string (Hangul jamo compose three to one, so by a factor of about 3),
        // so anything over 4x the maximum is too long whatever it normalises to; do not spend
        // the normaliser on it.
        if (candidate.length() > 4 * MAX_CODE_POINTS) {
            return new PasswordVerdict(List.of(tooLong()));
        }
        String normal = PasswordText.normalise(candidate);
        int length = PasswordText.codePoints(normal);
        if (length > MAX_CODE_POINTS) {
            return new PasswordVerdict(List.of(tooLong()));
        }
        List<PasswordProblem> problems = new ArrayList<>();
        if (length < minCodePoints) {
            problems.add(new PasswordProblem(
                    Code.TOO_SHORT,
                    "Use at least " + minCodePoints + " characters; several unrelated words make a good one.",
                    List.of(minCodePoints)));
        }
        if (hasUnusableCharacter(normal)) {
            problems.add(new PasswordProblem(
                    Code.UNUSABLE_CHARACTER,
                    "Remove the control or broken character; it cannot be typed the same way on every device."));
        }
        String lower = normal.toLowerCase(Locale.ROOT);
        if (containsAddress(lower, owner)) {
            problems.add(new PasswordProblem(
                    Code.CONTAINS_ADDRESS,
                    "Do not use your e-mail address, or the part before the @, in your password."));
        }
        if (CommonPasswords.contains(normal)) {
            problems.add(
                    new PasswordProblem(
                            Code.COMMON_PASSWORD,
                            "This is one of the most commonly used passwords, perhaps with digits or symbols added; choose another."));
        }
        if (problems.isEmpty()) {
            guessability(normal, owner).ifPresent(problems::add);
        }
        return problems.isEmpty() ? PasswordVerdict.acceptable() : new PasswordVerdict(problems);
    }

    private static PasswordProblem tooLong() {
        return new PasswordProblem(
                Code.TOO_LONG, "Use at most " + MAX_CODE_POINTS + " characters.", List.of(MAX_CODE_POINTS));
    }

    private static boolean hasUnusableCharacter(String normal) {
        return PasswordText.hasUnpairedSurrogate(normal)
                || normal.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL);
    }

    private static boolean containsAddress(String lower, EmailAddress owner) {
        String address = PasswordText.normalise(owner.value()).toLowerCase(Locale.ROOT);
        String local = address.substring(0, address.lastIndexOf('@'));
        return lower.contains(address)
                || (PasswordText.codePoints(local) >= MIN_REFUSED_LOCAL_PART && lower.contains(local));
    }

    private Optional<PasswordProblem> guessability(String normal, EmailAddress owner) {
        Strength strength = Estimator.ZXCVBN.measure(normal, userInputs(owner));
        try {
            if (strength.getScore() >= MIN_ZXCVBN_SCORE) {
                return Optional.empty();
            }
            String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
            String why = warning == null || warning.isBlank()
                    ? ""
                    : " (" + warning.strip().replaceAll("\\.$", "") + ")";
            return Optional.of(new PasswordProblem(
                    Code.TOO_GUESSABLE,
                    "This password would be easy to guess" + why + "; a few unrelated words make a strong one."));
        } finally {
            strength.wipe();
        }
    }

    /**
     * What zxcvbn should treat as known to the attacker: the address and its parts (NIST's
     * "context-specific words ... the username, and derivatives thereof") and the service's name.
     */
    private List<String> userInputs(EmailAddress owner) {
        Set<String> inputs = new LinkedHashSet<>(contextWords);
        String address = PasswordText.normalise(owner.value()).toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        inputs.add(address);
        addWithParts(inputs, address.substring(0, at));
        addWithParts(inputs, address.substring(at + 1));
        return List.copyOf(inputs);
    }

    /**
     * Adds {@code word}, the word without its separators ("northwindtraders" for "northwind
     * traders", "bankexample" for "bank.example") and each part of three letters or more.
     */
    private static void addWithParts(Set<String> words, String word) {
        words.add(word);
        String[] parts = word.split("[^\\p{L}\\p{N}]+");
        words.add(String.join("", parts));
        for (String part : parts) {
            if (part.length() >= 3) {
                words.add(part);
            }
        }
    }

    /**
     * One zxcvbn for the class loader. {@code measure} builds its matchers per call and only reads
     * the shared dictionaries, so concurrent calls are safe.
     */
    private static final class Estimator {
        static final Zxcvbn ZXCVBN = new Zxcvbn();
    }
}
