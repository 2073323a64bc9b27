package org.sealpost.web.account;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.sealpost.portal.language.Language;
import org.sealpost.web.client.ClientOrigins;

/** Small helpers the account beans share: messages from the bundle, redirects, the request. */
final class Pages {

    private Pages() {}

    static String text(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        // The viewer's locale, not the server's default, for any number or date in the arguments.
        return args.length == 0
                ? bundle.getString(key)
                : new MessageFormat(bundle.getString(key), faces.getViewRoot().getLocale()).format(args);
    }

    static void error(String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, args), null));
    }

    static void errorText(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    static void info(String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
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
