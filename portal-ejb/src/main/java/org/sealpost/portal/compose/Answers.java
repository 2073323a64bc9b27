package org.sealpost.portal.compose;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sealpost.mailformat.metadata.MailAddress;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.portal.policy.PortalAction;
import org.sealpost.portal.policy.RecipientAddress;

/**
 * How a reply, reply all or forward starts: recipients, subject, quoted text and threading,
 * from the original's decrypted header record and text. No words of any language are added:
 * the attribution line and the forwarded header block use the original's own values and the
 * RFC 5322 field names, so the portal writes no English into a German conversation.
 */
final class Answers {

    private static final Pattern REPLY_PREFIX =
            Pattern.compile("^\\s*(re|aw|sv|antw)\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARD_PREFIX =
            Pattern.compile("^\\s*(fwd?|wg|tr)\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);

    private Answers() {}

    /** "Re: " or "Fwd: " in front, once: an original that already has one keeps just that. */
    static String subject(PortalAction action, String original) {
        String s = original == null ? "" : original.strip();
        return switch (action) {
            case REPLY, REPLY_ALL -> REPLY_PREFIX.matcher(s).find() ? s : "Re: " + s;
            case FORWARD -> FORWARD_PREFIX.matcher(s).find() ? s : "Fwd: " + s;
            default -> s;
        };
    }

    /**
     * The fields a reply, reply all or forward starts with.
     *
     * @param self the account's own address, left out of reply all
     */
    static DraftFields prefill(PortalAction action, MessageMetadata original, String originalText, String self) {
        String subject = subject(action, original.subject());
        if (action == PortalAction.FORWARD) {
            return new DraftFields("", "", subject, "\n\n" + forwardedBlock(original, originalText));
        }
        // RFC 5322 section 3.6.3: a reply goes to Reply-To when the original has one, else to From.
        List<MailAddress> replyTarget = !original.replyTo().isEmpty()
                ? original.replyTo()
                : original.from() == null ? List.of() : List.of(original.from());
        Set<String> to = new LinkedHashSet<>();
        Set<String> cc = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Optional<RecipientAddress> own = RecipientAddress.parse(self);
        own.ifPresent(a -> seen.add(a.value()));
        addAll(replyTarget, to, seen);
        if (to.isEmpty()) {
            // The account answers its own message (from Sent): the answer goes to whom it went.
            addAll(original.to(), to, seen);
        }
        if (action == PortalAction.REPLY_ALL) {
            addAll(original.to(), to, seen);
            addAll(original.cc(), cc, seen);
        }
        return new DraftFields(
                String.join(", ", to),
                String.join(", ", cc),
                subject,
                "\n\n" + attribution(original) + "\n" + quoted(originalText));
    }

    private static void addAll(List<MailAddress> addresses, Set<String> into, Set<String> seen) {
        for (MailAddress a : addresses) {
            Optional<RecipientAddress> parsed = RecipientAddress.parse(a.address());
            String key = parsed.map(RecipientAddress::value)
                    .orElse(a.address().strip().toLowerCase(Locale.ROOT));
            if (key.isEmpty() || !seen.add(key)) {
                continue;
            }
            into.add(a.address().strip());
        }
    }

    /**
     * The References of an answer (RFC 5322 section 3.6.4): the original's References (or, if
     * none, its In-Reply-To when that is a single id) followed by the original's Message-ID.
     */
    static String references(String originalReferences, String originalInReplyTo, String originalMessageId) {
        List<String> ids = new ArrayList<>();
        String parent = originalReferences != null && !originalReferences.isBlank()
                ? originalReferences
                : originalInReplyTo != null && originalInReplyTo.strip().split("\\s+").length == 1
                        ? originalInReplyTo
                        : null;
        if (parent != null) {
            for (String id : parent.strip().split("\\s+")) {
                if (id.startsWith("<") && id.endsWith(">")) {
                    ids.add(id);
                }
            }
        }
        if (originalMessageId != null && !originalMessageId.isBlank()) {
            ids.add(originalMessageId.strip());
        }
        return ids.isEmpty() ? null : String.join(" ", ids);
    }

    private static String attribution(MessageMetadata original) {
        String from = original.from() == null ? "" : original.from().toString();
        String date = original.date() == null ? "" : DATE.format(original.date());
        return (from + (from.isEmpty() || date.isEmpty() ? "" : ", ") + date + ":").strip();
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : normalise(text).split("\n", -1)) {
            out.append(line.startsWith(">") ? ">" : "> ").append(line).append('\n');
        }
        return out.toString();
    }

    private static String forwardedBlock(MessageMetadata original, String text) {
        StringBuilder out = new StringBuilder("-------- -------- --------\n");
        if (original.from() != null) {
            out.append("From: ").append(original.from()).append('\n');
        }
        if (original.date() != null) {
            out.append("Date: ").append(DATE.format(original.date())).append('\n');
        }
        if (original.subject() != null) {
            out.append("Subject: ").append(original.subject()).append('\n');
        }
        if (!original.to().isEmpty()) {
            out.append("To: ")
                    .append(String.join(
                            ", ",
                            original.to().stream().map(MailAddress::toString).toList()))
                    .append('\n');
        }
        if (!original.cc().isEmpty()) {
            out.append("Cc: ")
                    .append(String.join(
                            ", ",
                            original.cc().stream().map(MailAddress::toString).toList()))
                    .append('\n');
        }
        return out.append('\n').append(normalise(text)).toString();
    }

    private static String normalise(String text) {
        String t = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        return t.endsWith("\n") ? t.substring(0, t.length() - 1) : t;
    }

    /** The words of an HTML-only original, line breaks kept where blocks end, for quoting. */
    static String textOfHtml(String safeHtml) {
        if (safeHtml == null) {
            return "";
        }
        String t = safeHtml.replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|li|tr|h[1-6]|blockquote)>", "\n")
                .replaceAll("<[^>]*>", "");
        t = t.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&");
        return t.replaceAll("\n{3,}", "\n\n").strip();
    }
}
