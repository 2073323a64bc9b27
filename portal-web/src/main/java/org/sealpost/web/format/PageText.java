package org.sealpost.web.format;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * Texts a person reads, from the page bundle ({@code msg}) in the viewer's language, and the
 * page messages made of them. The one place the beans turn a key into words: the arguments are
 * formatted for the viewer's locale, not the server's default.
 */
public final class PageText {

    private PageText() {}

    /** The bundle's text for {@code key}, its {@link MessageFormat} arguments filled in. */
    public static String of(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return args.length == 0
                ? bundle.getString(key)
                : new MessageFormat(bundle.getString(key), faces.getViewRoot().getLocale()).format(args);
    }

    /** Shows the text for {@code key} as a page message of {@code severity}. */
    public static void show(FacesMessage.Severity severity, String key, Object... args) {
        showText(severity, of(key, args));
    }

    /** Shows {@code text}, already in the viewer's language, as a page message of {@code severity}. */
    public static void showText(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
