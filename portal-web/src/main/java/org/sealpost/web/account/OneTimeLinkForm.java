package org.sealpost.web.account;

import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Optional;
import org.sealpost.portal.account.AccountLinks;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.account.LinkOutcome;
import org.sealpost.portal.account.OneTimeTokens.Purpose;

/**
 * What the registration and the reset page share: the link's token from the URL, opening the
 * link without spending it, and submitting the new password.
 */
abstract class OneTimeLinkForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountLinks links;

    private String token;
    private String address;
    private boolean usable;
    private String password;
    private String confirmation;
    private String newLinkAddress;

    abstract Purpose purpose();

    abstract void completed(LinkOutcome.Done done, String password);

    /** f:viewAction on GET: looks at the link, spends nothing. */
    public void open() {
        Optional<EmailAddress> owner = links.addressFor(token, purpose());
        usable = owner.isPresent();
        address = owner.map(EmailAddress::value).orElse(null);
    }

    public void submit() {
        String chosen = password == null ? "" : password;
        LinkOutcome outcome = links.complete(
                token,
                purpose(),
                chosen.toCharArray(),
                (confirmation == null ? "" : confirmation).toCharArray(),
                Pages.client(),
                Pages.language());
        switch (outcome) {
            case LinkOutcome.Done done -> completed(done, chosen);
            case LinkOutcome.LinkNotUsable gone -> usable = false;
            case LinkOutcome.ConfirmationMismatch mismatch -> Pages.error("password.mismatch");
            case LinkOutcome.PasswordRefused refused ->
                refused.problems()
                        .forEach(p -> Pages.error(p.messageKey(), p.arguments().toArray()));
        }
        password = null;
        confirmation = null;
    }

    /** "Send me a new link" on an expired or used link's page. */
    public void requestNewLink() {
        links.requestLink(newLinkAddress == null ? "" : newLinkAddress.trim(), Pages.client());
        Pages.info("link.requested");
        newLinkAddress = null;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getAddress() {
        return address;
    }

    public boolean isUsable() {
        return usable;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }

    public String getNewLinkAddress() {
        return newLinkAddress;
    }

    public void setNewLinkAddress(String newLinkAddress) {
        this.newLinkAddress = newLinkAddress;
    }
}
