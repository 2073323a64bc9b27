package org.sealpost.portal.account;

import java.util.List;
import org.sealpost.portal.account.password.PasswordProblem;

/** What submitting a registration or reset form led to. */
public sealed interface LinkOutcome {

    /** The password is set; the link is spent. */
    record Done(long accountId, EmailAddress email) implements LinkOutcome {}

    /** The link expired, was used, or never existed: the page offers a new one. */
    record LinkNotUsable() implements LinkOutcome {}

    /** The password was refused; the link is not spent, the form can be sent again. */
    record PasswordRefused(List<PasswordProblem> problems) implements LinkOutcome {}

    /** The two password fields differ; the link is not spent. */
    record ConfirmationMismatch() implements LinkOutcome {}
}
