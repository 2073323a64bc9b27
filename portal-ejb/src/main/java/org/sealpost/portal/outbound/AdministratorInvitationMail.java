package org.sealpost.portal.outbound;

import java.net.URI;
import org.sealpost.portal.notification.template.RenderedNotification;

/** The invitation an administrator named in configuration receives; fixed wording, like the reset mail. */
final class AdministratorInvitationMail {

    private AdministratorInvitationMail() {
    }

    static RenderedNotification render(URI registrationLink, String organisation) {
        String link = registrationLink.toASCIIString();
        String org = organisation.replaceAll("[\\r\\n\\p{Cntrl}]", "");
        String text = "You are named as an administrator of the " + org + " secure message portal.\n\n"
                + "To choose your password, open this link (it works once):\n" + link + "\n\n"
                + "If you did not expect this, tell the people who run the portal.\n";
        String safeLink = link.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        String safeOrg = org.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>You are named as an administrator of the "
                + safeOrg + " secure message portal.</p><p>To choose your password, open this link (it works once):<br>"
                + "<a href=\"" + safeLink + "\">" + safeLink + "</a></p>"
                + "<p>If you did not expect this, tell the people who run the portal.</p></body></html>";
        return new RenderedNotification("Your administrator account on the " + org + " secure message portal", text, html);
    }
}
