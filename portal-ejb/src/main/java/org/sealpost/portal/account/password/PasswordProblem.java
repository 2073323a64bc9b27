package org.sealpost.portal.account.password;

import java.util.Objects;

/**
 * One reason a candidate password was refused. The code is stable (a form can pick its own
 * wording or translation by it); the message is plain English for the person choosing the
 * password. Neither ever quotes the password.
 *
 * @param code    what is wrong
 * @param message how to fix it, in one English sentence
 */
public record PasswordProblem(Code code, String message) {

    public PasswordProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
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
