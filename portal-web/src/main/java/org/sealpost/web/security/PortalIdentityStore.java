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

    @Inject
    private ClientOrigins clients;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        SignInResult result = signIn.signIn(
                up.getCaller(),
                up.getPassword().getValue(),
                new SigningInClient(clients.of(request).address(), request.getHeader("User-Agent"), pageLanguage()));
        request.setAttribute(RESULT_ATTRIBUTE, result);
        return result.signedIn()
                .map(s -> new CredentialValidationResult(
                        s.email().value(),
                        s.secondStep().signsInAtOnce() ? Set.of(s.role().name()) : Set.of()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /**
     * The language of the page the password was typed on: the view's, which JSF chose from the
     * browser's Accept-Language among the supported locales (English when none fits).
     */
    private static Language pageLanguage() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null
                ? Language.ENGLISH
                : Language.of(faces.getViewRoot().getLocale()).orElse(Language.ENGLISH);
    }
}
