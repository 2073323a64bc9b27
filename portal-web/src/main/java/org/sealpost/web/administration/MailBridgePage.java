package org.sealpost.web.administration;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.sealpost.portal.settings.BridgeRules;
import org.sealpost.portal.settings.DeliveryRetries;
import org.sealpost.portal.settings.RuntimeSettingsService;
import org.sealpost.portal.settings.RuntimeSettingsView;
import org.sealpost.portal.settings.SettingsChangedMeanwhileException;
import org.sealpost.portal.settings.SettingsProblem;
import org.sealpost.portal.settings.SettingsRefusedException;
import org.sealpost.web.security.SignedInSession;

/**
 * admin/bridge.xhtml: the mail bridge's encrypt-flag header, whether unflagged mail is accepted,
 * the gateway addresses allowed to connect (applied to new connections without a restart), and
 * under "Delivery" the outbound queue's retry interval and give-up age.
 */
@Named
@ViewScoped
public class MailBridgePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RuntimeSettingsService settings;

    @Inject
    private SignedInSession session;

    private String flagHeaderName;
    private String flagHeaderValue;
    private boolean acceptUnflagged;
    private String allowedClients;
    private String retryInterval;
    private String retryMaxAge;
    private int version;

    @PostConstruct
    void load() {
        RuntimeSettingsView current = settings.current();
        BridgeRules rules = current.bridgeRules();
        flagHeaderName = rules.flagHeaderName();
        flagHeaderValue = rules.flagHeaderValue();
        acceptUnflagged = rules.acceptUnflagged();
        allowedClients = String.join("\n", rules.allowedClients());
        retryInterval = current.deliveryRetries().interval().toString();
        retryMaxAge = current.deliveryRetries().maxAge().toString();
        version = current.version();
    }

    public void saveBridge() {
        AdminForms.requireAdministrator();
        try {
            settings.changeBridgeRules(
                    session.email(),
                    AdminForms.client(),
                    version,
                    new BridgeRules(
                            BridgeRules.splitList(allowedClients), flagHeaderName, flagHeaderValue, acceptUnflagged));
            AdminForms.saved("settings.bridge.saved");
            load();
        } catch (SettingsRefusedException e) {
            AdminForms.refused(e);
        } catch (SettingsChangedMeanwhileException e) {
            AdminForms.stale();
        }
    }

    public void saveDelivery() {
        AdminForms.requireAdministrator();
        try {
            settings.changeDeliveryRetries(
                    session.email(),
                    AdminForms.client(),
                    version,
                    new DeliveryRetries(
                            duration(retryInterval, SettingsProblem.RETRY_INTERVAL_OUT_OF_RANGE),
                            duration(retryMaxAge, SettingsProblem.RETRY_MAX_AGE_OUT_OF_RANGE)));
            AdminForms.saved("settings.delivery.saved");
            load();
        } catch (SettingsRefusedException e) {
            AdminForms.refused(e);
        } catch (SettingsChangedMeanwhileException e) {
            AdminForms.stale();
        }
    }

    /** ISO-8601 as java.time reads it ({@code PT5M}, {@code P5D}), case-insensitive. */
    private static Duration duration(String typed, SettingsProblem problem) {
        try {
            return Duration.parse(typed == null ? "" : typed.strip());
        } catch (DateTimeParseException e) {
            throw new SettingsRefusedException(problem, typed);
        }
    }

    public String getFlagHeaderName() {
        return flagHeaderName;
    }

    public void setFlagHeaderName(String flagHeaderName) {
        this.flagHeaderName = flagHeaderName;
    }

    public String getFlagHeaderValue() {
        return flagHeaderValue;
    }

    public void setFlagHeaderValue(String flagHeaderValue) {
        this.flagHeaderValue = flagHeaderValue;
    }

    public boolean isAcceptUnflagged() {
        return acceptUnflagged;
    }

    public void setAcceptUnflagged(boolean acceptUnflagged) {
        this.acceptUnflagged = acceptUnflagged;
    }

    public String getAllowedClients() {
        return allowedClients;
    }

    public void setAllowedClients(String allowedClients) {
        this.allowedClients = allowedClients;
    }

    public String getRetryInterval() {
        return retryInterval;
    }

    public void setRetryInterval(String retryInterval) {
        this.retryInterval = retryInterval;
    }

    public String getRetryMaxAge() {
        return retryMaxAge;
    }

    public void setRetryMaxAge(String retryMaxAge) {
        this.retryMaxAge = retryMaxAge;
    }
}
