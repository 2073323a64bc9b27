package org.sealpost.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.sealpost.portal.account.SignInResult;
import org.sealpost.portal.account.SignInService;
import org.sealpost.portal.account.SigningInClient;
import org.sealpost.portal.language.Language;
import org.sealpost.web.client.ClientOrigins;

/**
 * Jakarta Security's view of the portal's accounts: every rule lives in {@link SignInService}.
 * A right password whose second factor is still due is valid but carries no group, so it
 * opens nothing; the sign-in form reads what follows from {@link #RESULT_ATTRIBUTE}.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

    /** The request attribute holding this request's {@link SignInResult}, for the sign-in form. */
    public static final String RESULT_ATTRIBUTE = SignInResult.class.getName();

    @Inject
    private SignInService signIn;

    @Inject
    private HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        SignInResult result = signIn.signIn(up.getCaller(), up.getPassword().getValue(), signingIn(request));
        request.setAttribute(RESULT_ATTRIBUTE, result);
        return result.signedIn()
                .map(s -> new CredentialValidationResult(
                        s.email().value(),
                        s.secondStep().signsInAtOnce() ? Set.of(s.role().name()) : Set.of()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /**
     * Who signs in with this request, for the password and for a second step alike: the client
     * as the trusted proxies report it, its browser, and the language of the page the sign-in
     * was done on (the view's, which JSF chose from the browser's Accept-Language among the
     * supported locales; English when none fits).
     */
    public static SigningInClient signingIn(HttpServletRequest request) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Language page = faces == null || faces.getViewRoot() == null
                ? Language.ENGLISH
                : Language.of(faces.getViewRoot().getLocale()).orElse(Language.ENGLISH);
        return new SigningInClient(ClientOrigins.current(request).address(), request.getHeader("User-Agent"), page);
    }
}
