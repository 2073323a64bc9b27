package org.sealpost.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.sealpost.portal.account.SecondStep;
import org.sealpost.portal.account.SignInResult;
import org.sealpost.web.security.PortalIdentityStore;
import org.sealpost.web.security.SecondStepPages;

/**
 * The sign-in page. A right password signs in, or, when the account has a second factor (or
 * is an administrator who must enrol one), leads to that step first (ADR 0013).
 */
@Named
@RequestScoped
public class SignInForm {

    @Inject
    private SecurityContext security;

    @Inject
    private SignInCompletion completion;

    private String email;
    private String password;

    public void signIn() {
        Optional<SecondStep> next = signInAs(email, password);
        if (next.isPresent()) {
            Pages.redirect(SecondStepPages.of(next.get()));
        } else if (!FacesContext.getCurrentInstance().getResponseComplete()) {
            // One message for every refusal: the form must not tell which addresses have accounts.
            Pages.error("signin.refused");
        }
    }

    /**
     * Checks the password; also used right after registration, with the password just chosen.
     * Empty when refused; else what follows the password ({@link SecondStep#NONE}: signed in).
     */
    Optional<SecondStep> signInAs(String address, String secret) {
        HttpServletRequest request = Pages.request();
        AuthenticationStatus status = security.authenticate(
                request,
                Pages.response(),
                AuthenticationParameters.withParams()
                        .newAuthentication(true)
                        .credential(new UsernamePasswordCredential(
                                address == null ? "" : address.trim(), new Password(secret == null ? "" : secret))));
        if (status != AuthenticationStatus.SUCCESS) {
            if (status == AuthenticationStatus.SEND_CONTINUE) {
                FacesContext.getCurrentInstance().responseComplete();
            }
            return Optional.empty();
        }
        SignInResult.SignedIn who = ((SignInResult) request.getAttribute(PortalIdentityStore.RESULT_ATTRIBUTE))
                .signedIn()
                .orElseThrow();
        if (who.secondStep().signsInAtOnce()) {
            completion.signedIn(who);
        } else {
            completion.awaitSecondStep(
                    who.accountId(), who.email().value(), who.role().name(), who.secondStep());
        }
        return Optional.of(who.secondStep());
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
