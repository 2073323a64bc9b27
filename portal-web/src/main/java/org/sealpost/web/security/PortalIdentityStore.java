package org.sealpost.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.sealpost.portal.account.SignInResult;
import org.sealpost.portal.account.SignInService;
import org.sealpost.web.client.ClientOrigins;

/** Jakarta Security's view of the portal's accounts: every rule lives in {@link SignInService}. */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

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
        SignInResult result = signIn.signIn(up.getCaller(), up.getPassword().getValue(), clients.of(request).address());
        return result.signedIn()
                .map(s -> new CredentialValidationResult(s.email().value(), Set.of(s.role().name())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
