package org.sealpost.portal.message.view;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sealpost.portal.message.mime.MimeProblem.Kind;
import org.sealpost.portal.message.mime.internal.HeaderText;
import org.sealpost.portal.message.mime.internal.Problems;
import org.sealpost.portal.message.view.MimeTree.Node;

/**
 * Turns a decrypted message's raw MIME into what the recipient's browser is shown, choosing the
 * body the way mail clients do (RFC 2046 section 5.1.4: of alternatives the last one the reader
 * can show is the best, and a reader that shows HTML prefers it; RFC 2387: a multipart/related
 * is shown through its root part). Never throws on message content: damage becomes a
 * {@link org.sealpost.portal.message.mime.MimeProblem} next to what could be read.
 *
 * <p>Stateless and thread-safe.
 */
public final class MessageRendering {

    private static final Pattern MIME_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");

    private MessageRendering() {
    }

    public static RenderedMessage render(byte[] rawMime, RenderOptions options) {
        Objects.requireNonNull(options, "options");
        Problems problems = new Problems();
        try {
            Node root = MimeTree.read(rawMime, problems);
            if (root == null) {
                return new RenderedMessage(null, null, List.of(), 0, problems.toList());
            }
            return render(root, options, problems);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug here must not make a stored message unreadable: say so instead of failing the page.
            problems.add(Kind.UNREADABLE_PART, "the message could not be read (" + e.getClass().getSimpleName() + ")");
            return new RenderedMessage(null, null, List.of(), 0, problems.toList());
        }
    }

    /**
     * The decoded content (transfer encoding removed, bytes as sent) of the part numbered
     * {@code partId}, as in {@link RenderedAttachment#partId()}; empty when there is no such leaf
     * part. The caller must check that the message belongs to the current account.
     */
    public static Optional<byte[]> attachmentContent(byte[] rawMime, String partId) {
        if (partId == null || partId.isEmpty()) {
            return Optional.empty();
        }
        Problems ignored = new Problems();
        try {
            Node root = MimeTree.read(rawMime, ignored);
            Node part = root == null ? null : find(root, partId);
            return part == null || !part.isLeaf() ? Optional.empty() : Optional.of(part.decoded(ignored));
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    private static Node find(Node node, String partId) {
        if (partId.equals(node.partId)) {
            return node;
        }
        if (!node.isLeaf()) {
            for (Node child : node.children) {
                if (partId.equals(child.partId) || partId.startsWith(child.partId + ".")) {
                    return find(child, partId);
                }
            }
        }
        return null;
    }

    private static RenderedMessage render(Node root, RenderOptions options, Problems problems) {
        Selection selection = new Selection();
        select(root, selection);

        List<Node> leaves = new ArrayList<>();
        leaves(root, leaves);
        Set<String> contentIds = new LinkedHashSet<>();
        List<RenderedAttachment> attachments = new ArrayList<>();
        for (Node leaf : leaves) {
            if (leaf.contentId != null) {
                contentIds.add(leaf.contentId);
            }
            if (!selection.consumed.contains(leaf)) {
                attachments.add(attachment(leaf, attachments.size() + 1, problems));
            }
        }

        String text = selection.text == null ? null : text(selection.text, problems);
        String html = null;
        int blocked = 0;
        if (selection.html != null) {
            try {
                HtmlPolicyFactory.SanitizedHtml safe = HtmlPolicyFactory.sanitize(text(selection.html, problems),
                        options, contentIds);
                html = safe.html();
                blocked = safe.blockedRemoteImages();
            } catch (RuntimeException | StackOverflowError e) {
                // Never fall back to the unsanitised HTML: show the text alternative, if any.
                problems.add(Kind.UNREADABLE_PART, selection.html.where + " (HTML) could not be sanitised and is not"
                        + " shown (" + e.getClass().getSimpleName() + ")");
            }
        }
        return new RenderedMessage(text, html, attachments, blocked, problems.toList());
    }

    /** The parts chosen as the displayed body, and every body text the choice made redundant. */
    private static final class Selection {
        Node text;
        Node html;
        final Set<Node> consumed = Collections.newSetFromMap(new IdentityHashMap<>());

        boolean found() {
            return text != null || html != null;
        }
    }

    private static void select(Node node, Selection selection) {
        if (node.isLeaf()) {
            if (isBodyText(node)) {
                if (node.mimeType().equals("text/html")) {
                    if (selection.html == null) {
                        selection.html = node;
                        selection.consumed.add(node);
                    }
                } else if (selection.text == null) {
                    selection.text = node;
                    selection.consumed.add(node);
                }
            }
            return;
        }
        switch (node.subtype()) {
            case "alternative" -> {
                // RFC 2046 section 5.1.4: the last alternative is the sender's preferred one.
                Selection bestHtml = null;
                Selection bestText = null;
                for (Node child : node.children) {
                    Selection trial = new Selection();
                    select(child, trial);
                    bestHtml = trial.html != null ? trial : bestHtml;
                    bestText = trial.text != null ? trial : bestText;
                }
                if (bestHtml != null && selection.html == null) {
                    selection.html = bestHtml.html;
                }
                if (bestText != null && selection.text == null) {
                    selection.text = bestText.text;
                }
                // The other alternatives say the same thing: they are no attachments.
                List<Node> leaves = new ArrayList<>();
                leaves(node, leaves);
                leaves.stream().filter(MessageRendering::isBodyText).forEach(selection.consumed::add);
            }
            case "related" -> {
                // RFC 2387 section 3.2: the root is named by "start", else it is the first part.
                Node root = node.children.isEmpty() ? null : node.children.get(0);
                String start = node.type.parameter("start");
                if (start != null) {
                    String id = start.strip().replaceAll("^<|>$", "");
                    root = node.children.stream().filter(c -> id.equals(c.contentId)).findFirst().orElse(root);
                }
                if (root != null) {
                    select(root, selection);
                }
            }
            default -> {
                // mixed, signed, report and unknown subtypes (RFC 2046 section 5.1.7: read as mixed).
                for (Node child : node.children) {
                    select(child, selection);
                    if (selection.found()) {
                        break;
                    }
                }
            }
        }
    }

    /** A text part meant to be read as the message, not downloaded. */
    private static boolean isBodyText(Node node) {
        String type = node.mimeType();
        boolean attachment = node.disposition != null && node.disposition.value().equals("attachment");
        return node.isLeaf() && (type.equals("text/plain") || type.equals("text/html")) && !attachment
                && node.declaredFileName() == null;
    }

    private static void leaves(Node node, List<Node> into) {
        if (node.isLeaf()) {
            into.add(node);
        } else {
            node.children.forEach(child -> leaves(child, into));
        }
    }

    private static RenderedAttachment attachment(Node leaf, int number, Problems problems) {
        String type = MIME_TYPE.matcher(leaf.mimeType()).matches() ? leaf.mimeType() : "application/octet-stream";
        boolean inline = leaf.disposition != null ? leaf.disposition.value().equals("inline") : leaf.contentId != null;
        return new RenderedAttachment(leaf.partId, FileNames.sanitize(leaf.declaredFileName(), "attachment-" + number),
                type, leaf.decoded(problems).length, inline, leaf.contentId);
    }

    /**
     * The part's text. A declared charset Java does not know is reported and read as UTF-8 if the
     * bytes are valid UTF-8, else ISO-8859-1. With no charset, or US-ASCII, which mailers often
     * declare for 8-bit text, 8-bit bytes are read the same way instead of becoming replacement
     * characters. NUL characters are removed: they are invalid in the XHTML page.
     */
    private static String text(Node part, Problems problems) {
        byte[] bytes = part.decoded(problems);
        String charset = part.type.parameter("charset");
        String result;
        if (charset == null || charset.isBlank() || isAscii(charset)) {
            String utf8 = HeaderText.strictUtf8(bytes);
            result = utf8 != null ? utf8 : new String(bytes, StandardCharsets.ISO_8859_1);
        } else {
            result = HeaderText.decodeCharset(bytes, charset, part.where, problems);
        }
        return result.indexOf('\0') < 0 ? result : result.replace("\0", "");
    }

    private static boolean isAscii(String charset) {
        String name = charset.strip().toLowerCase(Locale.ROOT);
        return name.equals("us-ascii") || name.equals("ascii");
    }
}
