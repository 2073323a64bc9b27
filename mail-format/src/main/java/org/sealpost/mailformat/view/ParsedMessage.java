package org.sealpost.mailformat.view;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sealpost.mailformat.MimeProblem;
import org.sealpost.mailformat.html.RenderOptions;
import org.sealpost.mailformat.internal.Problems;
import org.sealpost.mailformat.structure.MessagePart;
import org.sealpost.mailformat.structure.MessageStructure;

/**
 * A message read once ({@link MessageRendering#parse(byte[])}): its structure as views on the one
 * decrypted array, the body chosen and the parts listed. The page, its inline images and its
 * downloads are all served from one of these instead of reading the message again for each.
 *
 * <p>Immutable and thread-safe. It holds the decrypted message: keep it only as long as the
 * recipient's view of it needs it.
 */
public final class ParsedMessage {

    private final MessageStructure structure;
    private final List<RenderedAttachment> attachments;
    private final List<RenderedAttachment> inlineImages;
    private final Problems problems;
    private final int size;

    ParsedMessage(MessageStructure structure, Problems problems, int size) {
        this.structure = structure;
        this.size = size;
        this.problems = problems.copy();
        this.attachments = structure == null
                ? List.of()
                : structure.attachments().stream()
                        .map(MessageRendering::rendered)
                        .toList();
        this.inlineImages = structure == null
                ? List.of()
                : structure.inlineImages().stream()
                        .map(MessageRendering::rendered)
                        .toList();
    }

    /** The body made safe for the page with these options; the structure is not read again. */
    public RenderedMessage render(RenderOptions options) {
        Objects.requireNonNull(options, "options");
        Problems rendering = problems.copy();
        if (structure == null || structure.root() == null) {
            return new RenderedMessage(null, null, List.of(), 0, rendering.toList());
        }
        return MessageRendering.render(structure, attachments, options, rendering);
    }

    /**
     * The attachments, in message order (without rendering the body): the same parts, under the
     * same names, as intake's metadata counts for the inbox.
     */
    public List<RenderedAttachment> attachments() {
        return attachments;
    }

    /** The images the HTML body shows by {@code cid:} (RFC 2392); they are no attachments. */
    public List<RenderedAttachment> inlineImages() {
        return inlineImages;
    }

    /**
     * The decoded content of the leaf part numbered {@code partId}; empty when there is none. The
     * caller must check that the message belongs to the current account.
     */
    public Optional<byte[]> content(String partId) {
        if (structure == null || structure.root() == null || partId == null || partId.isEmpty()) {
            return Optional.empty();
        }
        try {
            MessagePart part = structure.root().find(partId);
            return part == null || !part.isLeaf() ? Optional.empty() : Optional.of(part.decoded(new Problems()));
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /** What was wrong with the structure and was worked around. */
    public List<MimeProblem> problems() {
        return problems.toList();
    }

    /** The message's size in bytes: what keeping this object in memory costs. */
    public int size() {
        return size;
    }
}
