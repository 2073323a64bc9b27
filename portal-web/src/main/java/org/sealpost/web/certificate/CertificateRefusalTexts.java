package org.sealpost.web.certificate;

import java.time.Instant;
import java.util.function.Function;
import org.sealpost.portal.certificate.CertificateRefusedException;
import org.sealpost.web.format.BundleTexts;
import org.sealpost.web.format.Formats;
import org.sealpost.web.mailbox.Texts;

/**
 * A refused certificate operation in the reader's language: the sentence of the problem's code
 * ({@code certificate.refused.<CODE>}) filled with its details, the value as typed, a
 * certificate's subject, a date in the page's date form. The exception's own message is for the
 * log and is not shown.
 */
final class CertificateRefusalTexts {

    private final BundleTexts texts;
    private final Function<Instant, String> dates;

    CertificateRefusalTexts(BundleTexts texts, Function<Instant, String> dates) {
        this.texts = texts;
        this.dates = dates;
    }

    /** For the page being rendered: its language, its date form. */
    static CertificateRefusalTexts forViewer(Formats formats) {
        return new CertificateRefusalTexts(Texts.viewer(), formats::full);
    }

    String sentence(CertificateRefusedException e) {
        Object[] arguments = e.arguments().stream()
                .map(a -> a instanceof Instant when ? dates.apply(when) : a)
                .toArray();
        return texts.format(e.problem().messageKey(), arguments);
    }
}
