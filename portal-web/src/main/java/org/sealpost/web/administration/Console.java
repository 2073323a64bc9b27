package org.sealpost.web.administration;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.sealpost.portal.administration.AdministrationRefusedException;
import org.sealpost.portal.administration.AdministrationUnavailableException;
import org.sealpost.web.client.ClientOrigins;
import org.sealpost.web.format.PageText;

/**
 * What the console's beans share: calling a service and turning its outcomes into what the
 * person sees. A refusal becomes a sentence from the bundle; the container's refusal of the
 * role ({@link EJBAccessException}, when a request got past the URL constraint) becomes the
 * portal's own 403 page; an unreachable database its 503 page.
 */
final class Console {

    private Console() {}

    /** A service call that may be refused. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws AdministrationRefusedException;
    }

    /** The call's result, or empty when it was refused (the page then says why) or answered with an error page. */
    static <T> Optional<T> call(Call<T> call) {
        try {
            return Optional.ofNullable(call.run());
        } catch (AdministrationRefusedException e) {
            error("admin.refused." + e.reason().name());
            return Optional.empty();
        } catch (EJBAccessException e) {
            errorPage(403);
            return Optional.empty();
        } catch (AdministrationUnavailableException e) {
            errorPage(503);
            return Optional.empty();
        }
    }

    /**
     * Answers with the portal's error page for {@code status} (web.xml's error-page), and ends
     * the JSF life cycle: nothing of the admin page is rendered.
     */
    static void errorPage(int status) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(status, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    static String text(String key, Object... args) {
        return PageText.of(key, args);
    }

    static void info(String key, Object... args) {
        PageText.show(FacesMessage.SEVERITY_INFO, key, args);
    }

    static void infoText(String text) {
        PageText.showText(FacesMessage.SEVERITY_INFO, text);
    }

    static void error(String key, Object... args) {
        PageText.show(FacesMessage.SEVERITY_ERROR, key, args);
    }

    /** The client address of this request, for the audit. */
    static String client() {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        return ClientOrigins.current((HttpServletRequest) ext.getRequest()).address();
    }
}
