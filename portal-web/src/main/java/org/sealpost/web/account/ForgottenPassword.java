package org.sealpost.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sealpost.portal.account.AccountLinks;

/** forgot.xhtml: one answer whether or not the address has an account. */
@Named
@RequestScoped
public class ForgottenPassword {

    @Inject
    private AccountLinks links;

    private String email;

    public void request() {
        links.requestLink(email == null ? "" : email.trim(), Pages.client());
        Pages.info("link.requested");
        email = null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
