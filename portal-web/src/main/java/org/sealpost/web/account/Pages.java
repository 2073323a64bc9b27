package org.sealpost.web.account;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.sealpost.portal.language.Language;
import org.sealpost.web.client.ClientOrigins;
import org.sealpost.web.format.PageText;

/** Small helpers the account beans share: messages from the bundle, redirects, the request. */
final class Pages {

    private Pages() {}

    static String text(String key, Object... args) {
        return PageText.of(key, args);
    }

    static void error(String key, Object... args) {
        PageText.show(FacesMessage.SEVERITY_ERROR, key, args);
    }

    static void errorText(String text) {
        PageText.showText(FacesMessage.SEVERITY_ERROR, text);
    }

    static void info(String key, Object... args) {
        PageText.show(FacesMessage.SEVERITY_INFO, key, args);
    }

    static void redirect(String page) {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        ext.getFlash().setKeepMessages(true);
        try {
            ext.redirect(ext.getRequestContextPath() + page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpServletRequest request() {
        return (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    /** The client address of this request, as {@link ClientOrigins} determines it. */
    static String client() {
        return ClientOrigins.current(request()).address();
    }

    /**
     * The language this page is shown in: the view's locale, which JSF chose from the browser's
     * Accept-Language among the supported locales of faces-config.xml (English when none fits).
     */
    static Language language() {
        return Language.of(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .orElse(Language.ENGLISH);
    }

    static HttpServletResponse response() {
        return (HttpServletResponse)
                FacesContext.getCurrentInstance().getExternalContext().getResponse();
    }
}
