package org.sealpost.web.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sealpost.portal.account.LinkOutcome;
import org.sealpost.portal.account.OneTimeTokens.Purpose;

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
        if (signIn.signInAs(done.email().value(), password)) {
            Pages.info("registration.done");
            Pages.redirect("/inbox.xhtml");
        } else {
            Pages.info("registration.done.signin");
            Pages.redirect("/login.xhtml");
        }
    }
}
