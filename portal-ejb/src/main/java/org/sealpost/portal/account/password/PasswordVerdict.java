package org.sealpost.portal.account.password;

import java.util.List;

/**
 * The outcome of {@link PasswordPolicy#check}: acceptable when there are no problems.
 *
 * @param problems every reason the candidate was refused, in the order the rules ran; empty when
 *                 it is acceptable
 */
public record PasswordVerdict(List<PasswordProblem> problems) {

    private static final PasswordVerdict ACCEPTABLE = new PasswordVerdict(List.of());

    public PasswordVerdict {
        problems = List.copyOf(problems);
    }

    /** The verdict for a password that breaks no rule. */
    public static PasswordVerdict acceptable() {
        return ACCEPTABLE;
    }

    /** Whether the password may be set. */
    public boolean isAcceptable() {
        return problems.isEmpty();
    }

    /** Whether the rule with {@code code} refused the password. */
    public boolean has(PasswordProblem.Code code) {
        return problems.stream().anyMatch(p -> p.code() == code);
    }
}
