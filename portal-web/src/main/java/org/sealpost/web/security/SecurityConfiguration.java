package org.sealpost.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in on our own JSF page: protected pages redirect there (not forward, so the
 * address bar shows where the user is) and the login bean authenticates through
 * {@code SecurityContext}.
 */
@ApplicationScoped
@DeclareRoles({"RECIPIENT", "ADMIN"})
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
public class SecurityConfiguration {
}
