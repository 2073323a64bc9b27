package org.sealpost.mailformat.view;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sealpost.mailformat.MimeProblem;
import org.sealpost.mailformat.html.RenderOptions;
import org.sealpost.mailformat.internal.Problems;
import org.sealpost.mailformat.view.MimeTree.Node;

/**
 * A message read once ({@link MessageRendering#parse(byte[])}): its structure as views on the one
 * decrypted array, the body chosen and the parts listed. The page, its inline images and its
 * downloads are all served from one of these instead of reading the message again for each.
 *
 * <p>Immutable and thread-safe. It holds the decrypted message: keep it only as long as the
 * recipient's view of it needs it.
 */
public final class ParsedMessage {

    private final Node root;
    private final MessageRendering.Layout layout;
    private final Problems problems;
    private final int size;

    ParsedMessage(Node root, Problems problems, int size) {
        this.root = root;
        this.size = size;
        Problems collected = problems.copy();
        this.layout = root == null ? null : MessageRendering.layout(root, collected);
        this.problems = collected;
    }

    /** The body made safe for the page with these options; the structure is not read again. */
    public RenderedMessage render(RenderOptions options) {
        Objects.requireNonNull(options, "options");
        Problems rendering = problems.copy();
        if (layout == null) {
            return new RenderedMessage(null, null, List.of(), 0, rendering.toList());
        }
        return MessageRendering.render(layout, options, rendering);
    }

    /** The parts other than the displayed body, in message order (without rendering the body). */
    public List<RenderedAttachment> attachments() {
        return layout == null ? List.of() : layout.attachments();
    }

    /**
     * The decoded content of the leaf part numbered {@code partId}; empty when there is none. The
     * caller must check that the message belongs to the current account.
     */
    public Optional<byte[]> content(String partId) {
        if (root == null || partId == null || partId.isEmpty()) {
            return Optional.empty();
        }
        try {
            Node part = MessageRendering.find(root, partId);
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
