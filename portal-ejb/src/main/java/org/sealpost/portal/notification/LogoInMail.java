package org.sealpost.portal.notification;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealpost.portal.settings.LogoImage;

/**
 * The HTML part of a portal mail, with the organisation's logo at its top when there is a PNG
 * one: the image travels in the mail itself (RFC 2387 multipart/related, referenced by a
 * {@code cid:} URL, RFC 2392), because a remote image would be blocked by most mail clients
 * and would tell the portal who opened the mail. An SVG logo stays on the portal's pages only:
 * the common mail clients do not show SVG, so the mail names the organisation in text instead
 * (its templates always carry the name).
 */
final class LogoInMail {

    static final String CONTENT_ID = "logo@sealpost";
    private static final Pattern BODY = Pattern.compile("<body\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private LogoInMail() {}

    static MimeBodyPart htmlPart(String html, Optional<LogoImage> logo, String organisationName)
            throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        if (logo.isEmpty() || !LogoImage.PNG.equals(logo.get().mediaType())) {
            part.setText(html, "UTF-8", "html");
            return part;
        }
        MimeBodyPart page = new MimeBodyPart();
        page.setText(withLogo(html, organisationName), "UTF-8", "html");
        MimeBodyPart image = new MimeBodyPart();
        image.setDataHandler(new DataHandler(new ByteArrayDataSource(logo.get().bytes(), LogoImage.PNG)));
        image.setHeader("Content-Type", LogoImage.PNG);
        image.setContentID("<" + CONTENT_ID + ">");
        image.setDisposition(MimeBodyPart.INLINE);
        image.setFileName("logo.png");
        MimeMultipart related = new MimeMultipart("related", page, image);
        part.setContent(related);
        return part;
    }

    /** The logo as the first thing in the body (after {@code <body>}, else at the start). */
    static String withLogo(String html, String organisationName) {
        String img = "<p><img src=\"cid:" + CONTENT_ID + "\" alt=\"" + escape(organisationName)
                + "\" style=\"max-height:48px;max-width:240px\"></p>";
        Matcher body = BODY.matcher(html);
        return body.find() ? html.substring(0, body.end()) + img + html.substring(body.end()) : img + html;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
