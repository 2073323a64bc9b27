package org.sealpost.portal.account;

import java.util.List;
import org.sealpost.portal.account.password.PasswordProblem;

/** What asking to change one's password led to. */
public sealed interface PasswordChange {

    record Changed() implements PasswordChange {}

    record WrongCurrentPassword() implements PasswordChange {}

    record Refused(List<PasswordProblem> problems) implements PasswordChange {}

    record ConfirmationMismatch() implements PasswordChange {}
}
