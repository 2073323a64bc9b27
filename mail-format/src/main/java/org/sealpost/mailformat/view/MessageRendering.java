package org.sealpost.mailformat.view;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sealpost.mailformat.MimeProblem.Kind;
import org.sealpost.mailformat.html.HtmlPolicyFactory;
import org.sealpost.mailformat.html.RenderOptions;
import org.sealpost.mailformat.internal.HeaderText;
import org.sealpost.mailformat.internal.Problems;
import org.sealpost.mailformat.internal.TransferDecoding;
import org.sealpost.mailformat.view.MimeTree.Node;

/**
 * Turns a decrypted message's raw MIME into what the recipient's browser is shown, choosing the
 * body the way mail clients do (RFC 2046 section 5.1.4: of alternatives the last one the reader
 * can show is the best, and a reader that shows HTML prefers it; RFC 2387: a multipart/related
 * is shown through its root part). Never throws on message content: damage becomes a
 * {@link org.sealpost.mailformat.MimeProblem} next to what could be read.
 *
 * <p>Stateless and thread-safe.
 */
public final class MessageRendering {

    /**
     * The most of a body text (decoded) that is shown and indexed: a longer one is cut, with a
     * sentence saying so. Two MiB is a few hundred printed pages; what the HTML sanitiser and
     * the page are given stays bounded whatever arrives.
     */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private static final Pattern MIME_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");

    private MessageRendering() {
    }

    /**
     * Reads the message's structure once; the result renders the page, lists and serves its
     * parts, as often as asked, without reading the bytes again. Never throws on message content.
     * The array must not change afterwards: the parsed message is views on it, not a copy.
     */
    public static ParsedMessage parse(byte[] rawMime) {
        Problems problems = new Problems();
        try {
            Node root = MimeTree.read(rawMime, problems);
            return new ParsedMessage(root, problems, rawMime == null ? 0 : rawMime.length);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug here must not make a stored message unreadable: say so instead of failing the page.
            problems.add(Kind.UNREADABLE_PART, "the message could not be read (" + e.getClass().getSimpleName() + ")");
            return new ParsedMessage(null, problems, rawMime == null ? 0 : rawMime.length);
        }
    }

    /** {@code parse(rawMime).render(options)}. */
    public static RenderedMessage render(byte[] rawMime, RenderOptions options) {
        Objects.requireNonNull(options, "options");
        return parse(rawMime).render(options);
    }

    /**
     * The decoded content (transfer encoding removed, bytes as sent) of the part numbered
     * {@code partId}, as in {@link RenderedAttachment#partId()}; empty when there is no such leaf
     * part. The caller must check that the message belongs to the current account.
     */
    public static Optional<byte[]> attachmentContent(byte[] rawMime, String partId) {
        return parse(rawMime).content(partId);
    }

    static Node find(Node node, String partId) {
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

    /** What a message shows as its body and what it offers as parts: decided once per message. */
    record Layout(Node text, Node html, List<RenderedAttachment> attachments, Set<String> contentIds) {
    }

    static Layout layout(Node root, Problems problems) {
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
        return new Layout(selection.text, selection.html, List.copyOf(attachments), Set.copyOf(contentIds));
    }

    static RenderedMessage render(Layout layout, RenderOptions options, Problems problems) {
        String text = layout.text() == null ? null : text(layout.text(), problems);
        String html = null;
        int blocked = 0;
        if (layout.html() != null) {
            try {
                HtmlPolicyFactory.SanitizedHtml safe = HtmlPolicyFactory.sanitize(text(layout.html(), problems),
                        options, layout.contentIds());
                html = safe.html();
                blocked = safe.blockedRemoteImages();
            } catch (RuntimeException | StackOverflowError e) {
                // Never fall back to the unsanitised HTML: show the text alternative, if any.
                problems.add(Kind.UNREADABLE_PART, layout.html().where + " (HTML) could not be sanitised and is not"
                        + " shown (" + e.getClass().getSimpleName() + ")");
            }
        }
        return new RenderedMessage(text, html, layout.attachments(), blocked, problems.toList());
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
                type, leaf.decodedSize(problems), inline, leaf.contentId);
    }

    /**
     * The part's text. A declared charset Java does not know is reported and read as UTF-8 if the
     * bytes are valid UTF-8, else ISO-8859-1. With no charset, or US-ASCII, which mailers often
     * declare for 8-bit text, 8-bit bytes are read the same way instead of becoming replacement
     * characters. NUL characters are removed: they are invalid in the XHTML page.
     */
    private static String text(Node part, Problems problems) {
        TransferDecoding.Decoded decoded = part.decoded(problems, MAX_BODY_BYTES);
        byte[] bytes = decoded.bytes();
        if (decoded.truncated()) {
            bytes = Arrays.copyOf(bytes, characterBoundary(bytes));
            problems.add(Kind.BODY_TOO_LARGE, part.where + " is longer than " + MAX_BODY_BYTES
                    + " bytes; only its beginning is shown");
        }
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

    /**
     * Where a cut body may end without splitting a UTF-8 character (RFC 3629 section 3: a
     * sequence is a lead byte and its continuation bytes {@code 10xxxxxx}); in a single-byte
     * charset this drops at most three bytes of a text cut anyway.
     */
    static int characterBoundary(byte[] bytes) {
        int end = bytes.length;
        for (int i = end - 1; i >= Math.max(0, end - 4); i--) {
            int b = bytes[i] & 0xff;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: look for its lead
            }
            int length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            return i + length <= end ? end : i;
        }
        return end;
    }

    private static boolean isAscii(String charset) {
        String name = charset.strip().toLowerCase(Locale.ROOT);
        return name.equals("us-ascii") || name.equals("ascii");
    }
}
