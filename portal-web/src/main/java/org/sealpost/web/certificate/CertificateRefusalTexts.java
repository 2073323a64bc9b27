package org.sealpost.web.certificate;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import org.sealpost.portal.certificate.CertificateRefusedException;
import org.sealpost.web.format.Formats;

/**
 * A refused certificate operation in the reader's language: the sentence of the problem's code
 * ({@code certificate.refused.<CODE>}) filled with its details, the value as typed, a
 * certificate's subject, a date in the page's date form. The exception's own message is for the
 * log and is not shown.
 */
final class CertificateRefusalTexts {

    private final ResourceBundle bundle;
    private final Locale locale;
    private final Function<Instant, String> dates;

    CertificateRefusalTexts(ResourceBundle bundle, Locale locale, Function<Instant, String> dates) {
        this.bundle = bundle;
        this.locale = locale;
        this.dates = dates;
    }

    /** For the page being rendered: its bundle, its locale, its date form. */
    static CertificateRefusalTexts forViewer(Formats formats) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return new CertificateRefusalTexts(
                faces.getApplication().getResourceBundle(faces, "msg"),
                faces.getViewRoot().getLocale(),
                formats::full);
    }

    String sentence(CertificateRefusedException e) {
        Object[] arguments = e.arguments().stream()
                .map(a -> a instanceof Instant when ? dates.apply(when) : a)
                .toArray();
        return new MessageFormat(bundle.getString(e.problem().messageKey()), locale).format(arguments);
    }
}
