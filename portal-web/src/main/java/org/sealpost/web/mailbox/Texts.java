package org.sealpost.web.mailbox;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.sealpost.web.format.BundleTexts;

/** The bundle's texts for the viewer's locale, and the page's announcement of an action's outcome. */
public final class Texts {

    private static final String BUNDLE = "org.sealpost.web.messages";

    private Texts() {}

    public static String get(String key) {
        return bundle().getString(key);
    }

    /** The viewer's bundle, for a class that formats several keys and is tested without a page. */
    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, locale());
    }

    /** The viewer's bundle and locale together, for a class that words a domain outcome. */
    public static BundleTexts viewer() {
        return new BundleTexts(bundle(), locale());
    }

    public static String format(String key, Object... args) {
        return new MessageFormat(get(key), locale()).format(args);
    }

    /** Shown in the page's message area, which screen readers announce (aria-live). */
    public static void announce(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** The same, for the page a redirect is about to show. */
    public static void announceAfterRedirect(String text) {
        announce(text);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    /** The viewer's locale, English outside a page. */
    public static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null
                ? faces.getViewRoot().getLocale()
                : Locale.ENGLISH;
    }
}
