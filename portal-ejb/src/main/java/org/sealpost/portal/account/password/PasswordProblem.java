package org.sealpost.portal.account.password;

import java.util.List;
import java.util.Objects;

/**
 * One reason a candidate password was refused. The page says it from its bundle, in the
 * viewer's language, by {@link #messageKey()} with {@link #arguments()}; the message is the same
 * in English, for the log and the tests. None of them ever quotes the password.
 *
 * @param code      what is wrong
 * @param message   how to fix it, in one English sentence
 * @param arguments the figures the sentence names (the length limit), in the bundle's order
 */
public record PasswordProblem(Code code, String message, List<Object> arguments) {

    public PasswordProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        arguments = List.copyOf(arguments);
    }

    public PasswordProblem(Code code, String message) {
        this(code, message, List.of());
    }

    /** The key of the page bundle's sentence for this problem: {@code password.problem.<CODE>}. */
    public String messageKey() {
        return "password.problem." + code.name();
    }

    /** The rules of {@link PasswordPolicy}. */
    public enum Code {
        /** Fewer code points than the minimum, after NFKC normalisation. */
        TOO_SHORT,
        /** More code points than the maximum, after NFKC normalisation. */
        TOO_LONG,
        /** A control character or an unpaired UTF-16 surrogate. */
        UNUSABLE_CHARACTER,
        /** Contains the account's e-mail address or its local part. */
        CONTAINS_ADDRESS,
        /** On the common-password list, as typed or without leading and trailing digits and symbols. */
        COMMON_PASSWORD,
        /** zxcvbn estimates it would fall to fewer than 10<sup>8</sup> guesses. */
        TOO_GUESSABLE
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
