package org.sealpost.web.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.sealpost.portal.account.LinkOutcome;
import org.sealpost.portal.account.OneTimeTokens.Purpose;

/** reset.xhtml: the reset mail's link; a new password ends every other session. */
@Named
@ViewScoped
public class PasswordReset extends OneTimeLinkForm {

    private static final long serialVersionUID = 1L;

    @Override
    Purpose purpose() {
        return Purpose.RESET_PASSWORD;
    }

    @Override
    void completed(LinkOutcome.Done done, String password) {
        Pages.info("reset.done");
        Pages.redirect("/login.xhtml");
    }
}
