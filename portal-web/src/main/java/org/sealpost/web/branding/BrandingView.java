package org.sealpost.web.branding;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sealpost.portal.settings.RuntimeSettingsChanged;
import org.sealpost.portal.settings.RuntimeSettingsInForce;
import org.sealpost.portal.settings.RuntimeSettingsView;

/** The layout's header: the organisation's name, logo address and accent colour, read once per request. */
@Named("branding")
@RequestScoped
public class BrandingView {

    @Inject
    private RuntimeSettingsInForce settings;

    private RuntimeSettingsView current;

    private RuntimeSettingsView current() {
        if (current == null) {
            current = settings.current();
        }
        return current;
    }

    /**
     * A change saved in this request (the branding form) is what the page rendered after it
     * shows: the header's {@code rendered} conditions were read while the form was decoded,
     * before the change, so that read is dropped.
     */
    void changed(@Observes(notifyObserver = Reception.IF_EXISTS) RuntimeSettingsChanged change) {
        current = null;
    }

    public String getOrganisationName() {
        return current().branding().organisationName();
    }

    /** Always {@code #rrggbb} (checked when saved and by the table's CHECK), so it may go into a style. */
    public String getAccentColour() {
        return current().branding().accentColour().hex();
    }

    /** The logo's address, versioned by its digest so a browser may cache it; null without a logo. */
    public String getLogoPath() {
        return current()
                .logo()
                .map(l -> LogoServlet.PATH + "?v=" + l.sha256().substring(0, 16))
                .orElse(null);
    }
}
