package org.sealpost.web.branding;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sealpost.portal.settings.RuntimeSettingsService;
import org.sealpost.portal.settings.RuntimeSettingsView;

/** The layout's header: the organisation's name, logo address and accent colour, read once per request. */
@Named("branding")
@RequestScoped
public class BrandingView {

    @Inject
    private RuntimeSettingsService settings;

    private RuntimeSettingsView current;

    private RuntimeSettingsView current() {
        if (current == null) {
            current = settings.current();
        }
        return current;
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
        return current().logo().map(l -> LogoServlet.PATH + "?v=" + l.sha256().substring(0, 16)).orElse(null);
    }
}
