package org.sealpost.web.administration;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import org.sealpost.portal.settings.SettingsRefusedException;
import org.sealpost.web.client.ClientOrigins;
import org.sealpost.web.mailbox.Texts;

/** What the settings pages share: the sentences for refusals and outcomes, the actor and client. */
final class AdminForms {

    private AdminForms() {}

    /** The sentence for a refused value, naming it ({@code settings.problem.<PROBLEM>}). */
    static void refused(SettingsRefusedException e) {
        error(Texts.format("settings.problem." + e.problem().name(), e.value()));
    }

    /** "Someone else changed this; reload": the form was older than the saved settings. */
    static void stale() {
        error(Texts.get("settings.stale"));
    }

    static void saved(String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Texts.format(key, args), null));
    }

    static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    static HttpServletRequest request() {
        return (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    static String client() {
        return ClientOrigins.current(request()).address();
    }

    /**
     * web.xml lets only ADMIN reach /admin/*; every action asks again on the server, so a page
     * reached any other way still cannot save.
     */
    static void requireAdministrator() {
        if (!request().isUserInRole("ADMIN")) {
            throw new SecurityException("only an administrator may change the portal's settings");
        }
    }
}
