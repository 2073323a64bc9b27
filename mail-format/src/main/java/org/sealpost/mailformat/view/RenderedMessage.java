package org.sealpost.mailformat.view;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sealpost.mailformat.MimeProblem;
import org.sealpost.mailformat.MimeProblem.Kind;

/**
 * A message made ready for the browser. Show {@code safeHtmlBody} when it is not {@code null},
 * else {@code textBody}; when both are present (multipart/alternative) the text is the sender's
 * own plain version, for a "show as plain text" choice.
 *
 * @param textBody            plain text, not escaped: the page must escape it (JSF output does)
 * @param safeHtmlBody        sanitised HTML fragment, safe to emit unescaped inside the page
 * @param attachments         the attachments, in message order: the same parts under the same names
 *                            as intake's metadata ({@link org.sealpost.mailformat.structure.MessageStructure})
 * @param blockedRemoteImages how many {@code <img>} elements pointing at remote servers were removed
 * @param problems            what was wrong with the MIME and was worked around; they quote no content
 */
public record RenderedMessage(
        String textBody,
        String safeHtmlBody,
        List<RenderedAttachment> attachments,
        int blockedRemoteImages,
        List<MimeProblem> problems) {

    public RenderedMessage {
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
        if (blockedRemoteImages < 0) {
            throw new IllegalArgumentException("blockedRemoteImages must not be negative: " + blockedRemoteImages);
        }
    }

    /** The kinds of problem that leave part of the message unshown, which the reader must be told of. */
    public static final Set<Kind> LEAVE_PARTS_UNSHOWN = Set.copyOf(EnumSet.of(
            Kind.NESTING_TOO_DEEP,
            Kind.TOO_MANY_PARTS,
            Kind.HEADER_SECTION_TOO_LARGE,
            Kind.BODY_TOO_LARGE,
            Kind.UNREADABLE_PART));

    /**
     * Why part of the message is not on the page (parts nested too deep or too many, a header or
     * body text over the limit, a part that could not be read), once per reason, in a fixed
     * order; the page says each in a sentence. Empty when everything is shown.
     */
    public Set<Kind> notShown() {
        Set<Kind> reasons = EnumSet.noneOf(Kind.class);
        problems.stream()
                .map(MimeProblem::kind)
                .filter(LEAVE_PARTS_UNSHOWN::contains)
                .forEach(reasons::add);
        return reasons;
    }
}
