package org.sealpost.portal.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sealpost.portal.notification.template.NotificationTemplate;

/**
 * What an edit changed, for the audit trail: the subject old and new in full (one line), the
 * bodies by length and the first 12 hex digits of their SHA-256, since a body is too long for an
 * audit row yet must be identifiable when two versions are compared.
 */
final class TemplateChanges {

    private TemplateChanges() {}

    static List<String> between(TemplateEdit before, NotificationTemplate after) {
        List<String> changes = new ArrayList<>();
        if (!before.subject().equals(after.subject())) {
            changes.add("subject: '" + before.subject() + "' → '" + after.subject() + "'");
        }
        if (!before.textBody().equals(after.textBody())) {
            changes.add("text body: " + describe(before.textBody()) + " → " + describe(after.textBody()));
        }
        if (!before.htmlBody().equals(after.htmlBody())) {
            changes.add("HTML body: " + describe(before.htmlBody()) + " → " + describe(after.htmlBody()));
        }
        return changes;
    }

    static String describe(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return body.length() + " characters, sha-256 "
                    + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
