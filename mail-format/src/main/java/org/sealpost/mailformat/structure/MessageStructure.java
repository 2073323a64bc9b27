package org.sealpost.mailformat.structure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.sealpost.mailformat.html.HtmlPolicyFactory;
import org.sealpost.mailformat.internal.HeaderText;
import org.sealpost.mailformat.internal.Problems;
import org.sealpost.mailformat.internal.RawHeaderSection;
import org.sealpost.mailformat.internal.TransferDecoding;

/**
 * A message read by the one walker: its tree of {@link MessagePart}s, the body chosen, and the
 * one decision which parts are attachments. Intake's metadata (the inbox's paper-clip, the
 * search index's file names) and the message page's attachment list and inline images all come
 * from here, so they cannot disagree.
 *
 * <h2>The body</h2>
 * Chosen as mail clients choose it: of a multipart/alternative the last alternative that can be
 * shown, HTML before text (RFC 2046 section 5.1.4); of a multipart/related its root part, named
 * by {@code start} or else the first (RFC 2387 section 3.2); of a multipart/mixed or an unknown
 * multipart (read as mixed, RFC 2046 section 5.1.7) the first part that is a body. A body is a
 * {@code text/plain} or {@code text/html} leaf without {@code Content-Disposition: attachment}
 * and without a file name. The other alternatives of a chosen multipart/alternative say the same
 * thing and are neither body nor attachment.
 *
 * <h2>Attachments</h2>
 * Every other leaf is an attachment, with one exception: an image the shown HTML body displays,
 * i.e. a part whose Content-ID a {@code cid:} image of the sanitised body names (RFC 2392; the
 * usual home of such parts is a multipart/related, RFC 2387), and which the sender did not mark
 * {@code Content-Disposition: attachment}. So:
 * <ul>
 * <li>an inline image referenced from the HTML, named or not, is shown in the body and not listed;</li>
 * <li>an inline image nothing references (Apple Mail's photos in a plain-text message, a
 * multipart/related part the HTML forgot) is listed: otherwise it would be neither shown nor offered;</li>
 * <li>{@code Content-Disposition: inline} is a presentation wish, not "no attachment" (RFC 2183
 * section 2.1): an inline PDF is listed;</li>
 * <li>a text part that is not the body (a second text/plain in a multipart/mixed, a calendar
 * invitation beside the alternatives) is listed, since the page shows one body only;</li>
 * <li>an attached {@code message/rfc822} is one attachment (its inner parts are not walked),
 * named after its Subject, else {@code message.eml};</li>
 * <li>Outlook's TNEF part ({@code application/ms-tnef}) is listed as {@code winmail.dat} when it
 * names none: that is the name every tool that opens it expects;</li>
 * <li>any other part without a name gets {@code attachment-N} with an extension from its type.</li>
 * </ul>
 * Declared names (RFC 2183 {@code filename}, else the older Content-Type {@code name}; RFC 2231
 * and RFC 2047 decoded) are made safe once, by {@link FileNames#sanitize}.
 *
 * <p>Never throws on message content; damage is reported to the {@link Problems} given. Immutable.
 */
public final class MessageStructure {

    /** Multipart nesting beyond this is not descended into (a cheap guard against hostile input). */
    public static final int MAX_DEPTH = 20;
    /** Parts beyond this many in one message are not read. */
    public static final int MAX_PARTS = 1000;
    /**
     * The most of a body text (decoded) that is shown and indexed: a longer one is cut, with a
     * sentence saying so. Two MiB is a few hundred printed pages; what the HTML sanitiser and
     * the page are given stays bounded whatever arrives.
     */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private static final Pattern MIME_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");
    private static final String TNEF_NAME = "winmail.dat";
    private static final String UNNAMED_MESSAGE = "message.eml";

    private final MessagePart root;
    private final MessagePart bodyText;
    private final MessagePart bodyHtml;
    private final List<OfferedPart> attachments;
    private final List<OfferedPart> inlineImages;
    private final Set<String> contentIds;

    private MessageStructure(
            MessagePart root,
            MessagePart bodyText,
            MessagePart bodyHtml,
            List<OfferedPart> attachments,
            List<OfferedPart> inlineImages,
            Set<String> contentIds) {
        this.root = root;
        this.bodyText = bodyText;
        this.bodyHtml = bodyHtml;
        this.attachments = List.copyOf(attachments);
        this.inlineImages = List.copyOf(inlineImages);
        this.contentIds = Set.copyOf(contentIds);
    }

    /**
     * Walks {@code rawMime} once and decides. The array must not change afterwards: the parts are
     * views on it, not copies.
     */
    public static MessageStructure read(byte[] rawMime, Problems problems) {
        MessagePart root = MimeTree.read(rawMime, problems);
        if (root == null) {
            return new MessageStructure(null, null, null, List.of(), List.of(), Set.of());
        }
        return decide(root, problems);
    }

    /** The root entity, or {@code null} when the bytes are not a message. */
    public MessagePart root() {
        return root;
    }

    /** The plain-text body, or {@code null}. */
    public MessagePart bodyText() {
        return bodyText;
    }

    /** The HTML body (still unsanitised), or {@code null}. */
    public MessagePart bodyHtml() {
        return bodyHtml;
    }

    /** The attachments, in message order: what the paper-clip counts and the page lists. */
    public List<OfferedPart> attachments() {
        return attachments;
    }

    /** The images the HTML body shows by {@code cid:}, which are no attachments. */
    public List<OfferedPart> inlineImages() {
        return inlineImages;
    }

    /** The Content-IDs of all leaves, for the sanitiser's {@code cid:} mapping. */
    public Set<String> contentIds() {
        return contentIds;
    }

    private static MessageStructure decide(MessagePart root, Problems problems) {
        Selection selection = new Selection();
        select(root, selection);

        List<MessagePart> leaves = root.leaves();
        Set<String> contentIds = new LinkedHashSet<>();
        for (MessagePart leaf : leaves) {
            if (leaf.contentId() != null) {
                contentIds.add(leaf.contentId());
            }
        }
        Set<String> shown = selection.html == null ? Set.of() : imagesShown(selection.html, contentIds);

        List<OfferedPart> attachments = new ArrayList<>();
        List<OfferedPart> inlineImages = new ArrayList<>();
        for (MessagePart leaf : leaves) {
            if (selection.consumed.contains(leaf)) {
                continue;
            }
            boolean shownInBody = leaf.mimeType().startsWith("image/")
                    && leaf.contentId() != null
                    && shown.contains(leaf.contentId())
                    && !"attachment".equals(leaf.dispositionType());
            if (shownInBody) {
                inlineImages.add(offered(leaf, "image-" + (inlineImages.size() + 1), problems));
            } else {
                attachments.add(offered(leaf, null, problems));
            }
        }
        // Numbers of generated names count the attachments in message order, 1-based.
        List<OfferedPart> numbered = new ArrayList<>(attachments.size());
        for (int i = 0; i < attachments.size(); i++) {
            OfferedPart a = attachments.get(i);
            numbered.add(
                    a.fileName().isEmpty()
                            ? new OfferedPart(
                                    a.part(),
                                    GeneratedNames.attachment(i + 1, a.contentType()),
                                    a.contentType(),
                                    a.size())
                            : a);
        }
        return new MessageStructure(root, selection.text, selection.html, numbered, inlineImages, contentIds);
    }

    /**
     * The cid images the sanitised HTML body keeps. Problems of decoding the body here are not
     * reported: rendering the page decodes it again and reports them there. A body the
     * sanitiser cannot read shows no image, so its images are all listed instead.
     */
    private static Set<String> imagesShown(MessagePart html, Set<String> contentIds) {
        if (contentIds.isEmpty()) {
            return Set.of();
        }
        try {
            return HtmlPolicyFactory.imagesShown(html.text(new Problems(), MAX_BODY_BYTES), contentIds);
        } catch (RuntimeException | StackOverflowError e) {
            return Set.of();
        }
    }

    /** {@code fallback} {@code null}: an empty name, numbered afterwards. */
    private static OfferedPart offered(MessagePart leaf, String fallback, Problems problems) {
        String type = MIME_TYPE.matcher(leaf.mimeType()).matches() ? leaf.mimeType() : "application/octet-stream";
        String declared = leaf.declaredFileName();
        String name;
        if (declared != null) {
            name = FileNames.sanitize(declared, "");
        } else if (type.equals("message/rfc822") || type.equals("message/global")) {
            name = attachedMessageName(leaf);
        } else if (type.equals("application/ms-tnef") || type.equals("application/vnd.ms-tnef")) {
            name = TNEF_NAME;
        } else {
            name = "";
        }
        if (name.isEmpty() && fallback != null) {
            name = fallback + GeneratedNames.extension(type);
        }
        return new OfferedPart(leaf, name, type, leaf.decodedSize(problems));
    }

    /**
     * An attached message is named after its Subject, as mail clients save it; a Subject is not a
     * path, so its slashes are kept as {@code _} instead of cutting the name at them.
     */
    private static String attachedMessageName(MessagePart leaf) {
        try {
            Problems ignored = new Problems();
            TransferDecoding.Decoded head = leaf.decoded(ignored, RawHeaderSection.MAX_BYTES);
            List<RawHeaderSection.Field> subjects =
                    RawHeaderSection.scan(head.bytes()).all("Subject");
            if (subjects.isEmpty()) {
                return UNNAMED_MESSAGE;
            }
            String subject =
                    HeaderText.unfold(HeaderText.fromBytes(subjects.get(0).value(), "Subject", ignored));
            subject = HeaderText.withoutControls(HeaderText.decodeEncodedWords(subject, "Subject", ignored))
                    .replace('/', '_')
                    .replace('\\', '_')
                    .strip();
            if (subject.isEmpty()) {
                return UNNAMED_MESSAGE;
            }
            String name = FileNames.sanitize(subject + ".eml", UNNAMED_MESSAGE);
            return name.toLowerCase(Locale.ROOT).endsWith(".eml") ? name : UNNAMED_MESSAGE;
        } catch (RuntimeException e) {
            return UNNAMED_MESSAGE;
        }
    }

    /** The parts chosen as the displayed body, and every body text the choice made redundant. */
    private static final class Selection {
        MessagePart text;
        MessagePart html;
        final Set<MessagePart> consumed = Collections.newSetFromMap(new IdentityHashMap<>());

        boolean found() {
            return text != null || html != null;
        }
    }

    private static void select(MessagePart part, Selection selection) {
        if (part.isLeaf()) {
            if (isBodyText(part)) {
                if (part.mimeType().equals("text/html")) {
                    if (selection.html == null) {
                        selection.html = part;
                        selection.consumed.add(part);
                    }
                } else if (selection.text == null) {
                    selection.text = part;
                    selection.consumed.add(part);
                }
            }
            return;
        }
        switch (part.subtype()) {
            case "alternative" -> {
                // RFC 2046 section 5.1.4: the last alternative is the sender's preferred one.
                Selection bestHtml = null;
                Selection bestText = null;
                for (MessagePart child : part.children()) {
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
                part.leaves().stream().filter(MessageStructure::isBodyText).forEach(selection.consumed::add);
            }
            case "related" -> {
                // RFC 2387 section 3.2: the root is named by "start", else it is the first part.
                List<MessagePart> children = part.children();
                MessagePart start = children.isEmpty() ? null : children.get(0);
                String startId = part.typeParameter("start");
                if (startId != null) {
                    String id = startId.strip().replaceAll("^<|>$", "");
                    start = children.stream()
                            .filter(c -> id.equals(c.contentId()))
                            .findFirst()
                            .orElse(start);
                }
                if (start != null) {
                    select(start, selection);
                }
            }
            default -> {
                // mixed, signed, report and unknown subtypes (RFC 2046 section 5.1.7: read as mixed).
                for (MessagePart child : part.children()) {
                    select(child, selection);
                    if (selection.found()) {
                        break;
                    }
                }
            }
        }
    }

    /** A text part meant to be read as the message, not downloaded. */
    private static boolean isBodyText(MessagePart part) {
        String type = part.mimeType();
        return part.isLeaf()
                && (type.equals("text/plain") || type.equals("text/html"))
                && !"attachment".equals(part.dispositionType())
                && part.declaredFileName() == null;
    }
}
