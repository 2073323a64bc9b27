package org.sealpost.portal.secondfactor;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sealpost.portal.account.ClientThrottle;
import org.sealpost.portal.account.Passwords;
import org.sealpost.portal.account.SignInPolicy;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.settings.RuntimeSettingsSeed;
import org.sealpost.portal.settings.SettingsDesk;

/**
 * The portal's door to {@link SecondFactorDesk}: one transaction per call, the container's
 * entity manager, the key-encryption keys' sealer, the sign-in limits shared with passwords.
 */
@Stateless
public class SecondFactorService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private MessageSealer sealer;

    @Inject
    private Passwords passwords;

    @Inject
    private ClientThrottle throttle;

    @Inject
    private PortalSettings settings;

    private SecondFactorDesk desk() {
        return new SecondFactorDesk(
                em, sealer, passwords.hasher(), throttle, SignInPolicy.DEFAULT, settings.production(), RANDOM);
    }

    /** The issuer an authenticator app shows: the organisation's name as the branding settings hold it now. */
    private String issuer() {
        return new SettingsDesk(em, () -> RuntimeSettingsSeed.fromSettings(settings::get))
                .current()
                .branding()
                .organisationName();
    }

    public Optional<Enrolment> startEnrolment(long accountId) {
        return desk().startEnrolment(accountId, issuer(), Instant.now());
    }

    public CodeCheck confirmEnrolment(long accountId, String code, boolean completesSignIn, String client) {
        return desk().confirmEnrolment(accountId, code, completesSignIn, client, Instant.now());
    }

    public CodeCheck signInWithCode(long accountId, String code, String client) {
        return desk().signInWithCode(accountId, code, client, Instant.now());
    }

    public CodeCheck signInWithRecoveryCode(long accountId, String code, String client) {
        return desk().signInWithRecoveryCode(accountId, code, client, Instant.now());
    }

    public Optional<List<String>> replaceRecoveryCodes(long accountId, String proof, String client) {
        return desk().replaceRecoveryCodes(accountId, proof, client, Instant.now());
    }

    public TurnOffOutcome turnOff(long accountId, String proof, String client) {
        return desk().turnOff(accountId, proof, client, Instant.now());
    }

    public SecondFactorStatus status(long accountId) {
        return desk().status(accountId);
    }
}
