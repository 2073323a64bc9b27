package org.sealpost.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Set;

/**
 * Form sign-in for the portal, re-stating the caller and their role to the container on every
 * request from the portal's own session record.
 *
 * <p>Why not {@code @CustomFormAuthenticationMechanismDefinition}: with it Payara restores the
 * caller's groups from the session through {@code @AutoApplySession}, and under concurrent
 * sessions it intermittently loses them and answers 403 to signed-in users (measured: ~5 % of
 * requests with three or more sessions, docs/BENCHMARKS.md; Payara issue #6145), and it loses
 * them across cluster members (#6342). Giving the groups explicitly on each request avoids both.
 *
 * <p>Only a fully signed-in session is stated to the container: one still waiting for its
 * second factor ({@link SignedInSession#pendingSignIn}) gets no caller and no role.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private SignedInSession signedIn;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() != null) {
            // The sign-in form's SecurityContext.authenticate(...): check the password.
            // A refusal is SEND_FAILURE without a 401: the form's page renders its own message.
            CredentialValidationResult result =
                    identityStores.validate(context.getAuthParameters().getCredential());
            return context.notifyContainerAboutLogin(result);
        }
        if (request.getSession(false) != null && signedIn.accountId() != null) {
            return context.notifyContainerAboutLogin(new CallerPrincipal(signedIn.email()), Set.of(signedIn.role()));
        }
        if (context.isProtected()) {
            // Half signed in (password right, second factor due): no role, and every protected
            // page, asked for however, leads back to the second step (ADR 0013).
            if (request.getSession(false) != null && signedIn.pendingSignIn(Instant.now()) != null) {
                return context.redirect(request.getContextPath()
                        + SecondStepPages.of(
                                signedIn.pendingSignIn(Instant.now()).step()));
            }
            return context.redirect(request.getContextPath() + "/login.xhtml");
        }
        return context.doNothing();
    }
}
