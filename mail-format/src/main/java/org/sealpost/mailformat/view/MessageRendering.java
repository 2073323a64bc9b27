package org.sealpost.mailformat.view;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sealpost.mailformat.MimeProblem.Kind;
import org.sealpost.mailformat.html.HtmlPolicyFactory;
import org.sealpost.mailformat.html.RenderOptions;
import org.sealpost.mailformat.internal.Problems;
import org.sealpost.mailformat.structure.MessageStructure;
import org.sealpost.mailformat.structure.OfferedPart;

/**
 * Turns a decrypted message's raw MIME into what the recipient's browser is shown. The body and
 * the attachments are chosen once, by {@link MessageStructure} (the same decision intake's
 * metadata makes); this class makes the chosen body safe for the page. Never throws on message
 * content: damage becomes a {@link org.sealpost.mailformat.MimeProblem} next to what could be read.
 *
 * <p>Stateless and thread-safe.
 */
public final class MessageRendering {

    /** {@link MessageStructure#MAX_BODY_BYTES}: the most of a body text that is shown and indexed. */
    public static final int MAX_BODY_BYTES = MessageStructure.MAX_BODY_BYTES;

    private MessageRendering() {}

    /**
     * Reads the message's structure once; the result renders the page, lists and serves its
     * parts, as often as asked, without reading the bytes again. Never throws on message content.
     * The array must not change afterwards: the parsed message is views on it, not a copy.
     */
    public static ParsedMessage parse(byte[] rawMime) {
        Problems problems = new Problems();
        int size = rawMime == null ? 0 : rawMime.length;
        try {
            return new ParsedMessage(MessageStructure.read(rawMime, problems), problems, size);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug here must not make a stored message unreadable: say so instead of failing the page.
            problems.add(
                    Kind.UNREADABLE_PART,
                    "the message could not be read (" + e.getClass().getSimpleName() + ")");
            return new ParsedMessage(null, problems, size);
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

    static RenderedMessage render(
            MessageStructure structure,
            List<RenderedAttachment> attachments,
            RenderOptions options,
            Problems problems) {
        String text = structure.bodyText() == null ? null : structure.bodyText().text(problems, MAX_BODY_BYTES);
        String html = null;
        int blocked = 0;
        if (structure.bodyHtml() != null) {
            try {
                HtmlPolicyFactory.SanitizedHtml safe = HtmlPolicyFactory.sanitize(
                        structure.bodyHtml().text(problems, MAX_BODY_BYTES), options, structure.contentIds());
                html = safe.html();
                blocked = safe.blockedRemoteImages();
            } catch (RuntimeException | StackOverflowError e) {
                // Never fall back to the unsanitised HTML: show the text alternative, if any.
                problems.add(
                        Kind.UNREADABLE_PART,
                        structure.bodyHtml().where() + " (HTML) could not be sanitised" + " and is not shown ("
                                + e.getClass().getSimpleName() + ")");
            }
        }
        return new RenderedMessage(text, html, attachments, blocked, problems.toList());
    }

    static RenderedAttachment rendered(OfferedPart offered) {
        return new RenderedAttachment(
                offered.part().partId(),
                offered.fileName(),
                offered.contentType(),
                offered.size(),
                offered.inline(),
                offered.part().contentId());
    }
}
