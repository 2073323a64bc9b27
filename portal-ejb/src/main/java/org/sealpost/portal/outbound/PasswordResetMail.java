package org.sealpost.portal.outbound;

import java.net.URI;
import org.sealpost.portal.notification.template.RenderedNotification;

/**
 * The password-reset mail. Fixed text for now (administrators edit the two notification
 * templates; reset wording is security text and stays ours). The link is the only variable
 * part, and it is a URI the portal built, so it needs no escaping beyond the HTML attribute's.
 */
final class PasswordResetMail {

    private PasswordResetMail() {
    }

    static RenderedNotification render(URI resetLink, String organisation) {
        String link = resetLink.toASCIIString();
        String text = "Someone, probably you, asked to reset the password of your " + organisation
                + " secure message account.\n\n"
                + "To choose a new password, open this link within one hour:\n" + link + "\n\n"
                + "If you did not ask for this, ignore this e-mail: your password stays as it is.\n";
        String safeLink = link.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        String html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
                + "<p>Someone, probably you, asked to reset the password of your " + escape(organisation)
                + " secure message account.</p><p>To choose a new password, open this link within one hour:<br>"
                + "<a href=\"" + safeLink + "\">" + safeLink + "</a></p>"
                + "<p>If you did not ask for this, ignore this e-mail: your password stays as it is.</p></body></html>";
        return new RenderedNotification("Reset your " + organisation.replaceAll("[\\r\\n\\p{Cntrl}]", "")
                + " secure message password", text, html);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
