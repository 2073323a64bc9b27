package org.sealpost.web.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sealpost.portal.account.LinkOutcome;
import org.sealpost.portal.account.OneTimeTokens.Purpose;
import org.sealpost.web.security.SecondStepPages;

/** register.xhtml: the first notification's link; choose a password, then straight to the inbox. */
@Named
@ViewScoped
public class Registration extends OneTimeLinkForm {

    private static final long serialVersionUID = 1L;

    @Inject
    private SignInForm signIn;

    @Override
    Purpose purpose() {
        return Purpose.REGISTER;
    }

    @Override
    void completed(LinkOutcome.Done done, String password) {
        var next = signIn.signInAs(done.email().value(), password);
        if (next.isPresent()) {
            Pages.info("registration.done");
            Pages.redirect(SecondStepPages.of(next.get()));
        } else {
            Pages.info("registration.done.signin");
            Pages.redirect("/login.xhtml");
        }
    }
}
