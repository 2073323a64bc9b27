package org.sealpost.portal.notification.template;

import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.sealpost.portal.language.Language;

/**
 * A notification template that has been checked: every placeholder is known and allowed for its
 * kind and part, every section is closed, the link the recipient needs is in both bodies, and
 * in the HTML body every value lands where escaping protects it. Whatever {@link #parse} accepts,
 * {@link #render} can render.
 *
 * <p>Immutable and thread-safe.
 */
public final class NotificationTemplate {

    /** "14 March 2026": day, month name, year, read the same way on both sides of the Atlantic. */
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    /** "14. März 2026": the long date of DIN 5008, the ordinal day with its full stop. */
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d. MMMM uuuu", Locale.GERMAN);

    private final TemplateKind kind;
    private final String subject;
    private final String textBody;
    private final String htmlBody;
    private final List<Segment> subjectSegments;
    private final List<Segment> textSegments;
    private final List<Segment> htmlSegments;

    private NotificationTemplate(
            TemplateKind kind,
            String subject,
            String textBody,
            String htmlBody,
            List<Segment> subjectSegments,
            List<Segment> textSegments,
            List<Segment> htmlSegments) {
        this.kind = kind;
        this.subject = subject;
        this.textBody = textBody;
        this.htmlBody = htmlBody;
        this.subjectSegments = subjectSegments;
        this.textSegments = textSegments;
        this.htmlSegments = htmlSegments;
    }

    /**
     * Checks and parses a template, as the admin screen does when it is saved.
     *
     * @throws TemplateException naming the part, position and placeholder of the first problem
     */
    public static NotificationTemplate parse(TemplateKind kind, String subject, String textBody, String htmlBody)
            throws TemplateException {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
        requireOneLine(subject);
        requireContent(TemplatePart.TEXT_BODY, textBody);
        requireContent(TemplatePart.HTML_BODY, htmlBody);
        List<Segment> subjectSegments = TemplateParser.parse(kind, TemplatePart.SUBJECT, subject);
        List<Segment> textSegments = TemplateParser.parse(kind, TemplatePart.TEXT_BODY, textBody);
        List<Segment> htmlSegments = TemplateParser.parse(kind, TemplatePart.HTML_BODY, htmlBody);
        HtmlStructure.check(htmlBody);
        requireLink(kind, TemplatePart.TEXT_BODY, textSegments);
        requireLink(kind, TemplatePart.HTML_BODY, htmlSegments);
        return new NotificationTemplate(kind, subject, textBody, htmlBody, subjectSegments, textSegments, htmlSegments);
    }

    public TemplateKind kind() {
        return kind;
    }

    /** The subject as the administrator wrote it. */
    public String subject() {
        return subject;
    }

    /** The text body as the administrator wrote it. */
    public String textBody() {
        return textBody;
    }

    /** The HTML body as the administrator wrote it. */
    public String htmlBody() {
        return htmlBody;
    }

    /**
     * Fills in the values. Every value is made one line (see {@code ValueText.oneLine}); in the HTML
     * body it is also HTML-escaped; the subject comes out as one line with runs of white space
     * collapsed. The original subject appears only when {@link NotificationValues#originalSubjectAllowed()}.
     *
     * @throws IllegalArgumentException if {@code values} lacks the link this kind requires (the
     *                                  registration link, the reset link)
     */
    public RenderedNotification render(NotificationValues values) {
        Objects.requireNonNull(values, "values");
        Map<Placeholder, String> text = valuesOf(values);
        Placeholder link = kind.requiredLink();
        if (link != null && !text.containsKey(link)) {
            throw new IllegalArgumentException("a " + kind + " mail needs "
                    + (link == Placeholder.RESET_LINK
                            ? "a reset link "
                            : link.isOneTimeLink() ? "a registration link " : "a portal link ")
                    + link.tag());
        }
        String renderedSubject = render(subjectSegments, text, values, false)
                .replaceAll("\\s+", " ")
                .strip();
        return new RenderedNotification(
                renderedSubject, render(textSegments, text, values, false), render(htmlSegments, text, values, true));
    }

    private static DateTimeFormatter dateFormat(Language language) {
        return switch (language) {
            case ENGLISH -> ENGLISH_DATE;
            case GERMAN -> GERMAN_DATE;
        };
    }

    private static Map<Placeholder, String> valuesOf(NotificationValues values) {
        Map<Placeholder, String> map = new EnumMap<>(Placeholder.class);
        putText(map, Placeholder.SENDER_NAME, values.senderName());
        putText(map, Placeholder.SENDER_ADDRESS, values.senderAddress().value());
        map.put(Placeholder.MESSAGE_COUNT, Integer.toString(values.messageCount()));
        if (values.expiryDate() != null) {
            map.put(Placeholder.EXPIRY_DATE, dateFormat(values.language()).format(values.expiryDate()));
        }
        map.put(Placeholder.PORTAL_LINK, values.portalLink().toASCIIString());
        if (values.registrationLink() != null) {
            map.put(Placeholder.REGISTRATION_LINK, values.registrationLink().toASCIIString());
        }
        if (values.resetLink() != null) {
            map.put(Placeholder.RESET_LINK, values.resetLink().toASCIIString());
        }
        map.put(Placeholder.ACCENT_COLOUR, values.accentColour());
        if (values.originalSubjectAllowed()) {
            putText(map, Placeholder.ORIGINAL_SUBJECT, values.originalSubject());
        }
        putText(map, Placeholder.RECIPIENT_ADDRESS, values.recipientAddress().value());
        putText(map, Placeholder.ORGANISATION_NAME, values.organisationName());
        return map;
    }

    /** Puts the one-line form of {@code value}, or nothing when that is empty: the value is absent. */
    private static void putText(Map<Placeholder, String> map, Placeholder placeholder, String value) {
        if (value != null) {
            String line = ValueText.oneLine(value);
            if (!line.isEmpty()) {
                map.put(placeholder, line);
            }
        }
    }

    private static String render(
            List<Segment> segments, Map<Placeholder, String> text, NotificationValues values, boolean html) {
        StringBuilder out = new StringBuilder();
        render(segments, text, values, html, out);
        return out.toString();
    }

    private static void render(
            List<Segment> segments,
            Map<Placeholder, String> text,
            NotificationValues values,
            boolean html,
            StringBuilder out) {
        for (Segment segment : segments) {
            switch (segment) {
                case Segment.Text t -> out.append(t.text());
                case Segment.Value v -> {
                    String value = text.getOrDefault(v.placeholder(), "");
                    out.append(html ? ValueText.escapeHtml(value) : value);
                }
                case Segment.Section s -> {
                    if (isPresent(s.placeholder(), text, values) != s.inverted()) {
                        render(s.body(), text, values, html, out);
                    }
                }
            }
        }
    }

    private static boolean isPresent(
            Placeholder placeholder, Map<Placeholder, String> text, NotificationValues values) {
        return placeholder == Placeholder.ONE_MESSAGE ? values.messageCount() == 1 : text.containsKey(placeholder);
    }

    private static void requireOneLine(String subject) throws TemplateException {
        if (subject.isBlank()) {
            throw new TemplateException(
                    TemplatePart.SUBJECT,
                    null,
                    0,
                    0,
                    TemplateProblem.PART_EMPTY,
                    List.of(),
                    "The subject must not be empty.");
        }
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new TemplateException(
                        TemplatePart.SUBJECT,
                        null,
                        1,
                        i + 1,
                        TemplateProblem.SUBJECT_NOT_ONE_LINE,
                        List.of(),
                        "In the subject at column " + (i + 1)
                                + ": the subject must be one line without control characters (no line breaks or tabs).");
            }
        }
    }

    private static void requireContent(TemplatePart part, String body) throws TemplateException {
        if (body.isBlank()) {
            throw new TemplateException(
                    part,
                    null,
                    0,
                    0,
                    TemplateProblem.PART_EMPTY,
                    List.of(),
                    capitalised(part.label()) + " must not be empty.");
        }
    }

    /** The link must be at the top level: inside a section it could disappear. */
    private static void requireLink(TemplateKind kind, TemplatePart part, List<Segment> segments)
            throws TemplateException {
        Placeholder link = kind.requiredLink();
        if (link == null) {
            return;
        }
        boolean present = segments.stream().anyMatch(s -> s instanceof Segment.Value v && v.placeholder() == link);
        if (!present) {
            throw new TemplateException(
                    part,
                    link.key(),
                    0,
                    0,
                    TemplateProblem.LINK_MISSING,
                    List.of(link.tag()),
                    capitalised(part.label()) + " of a " + kind
                            + " template must contain " + link.tag()
                            + " outside any section: without it the recipient has "
                            + "no way to the message.");
        }
    }

    private static String capitalised(String label) {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NotificationTemplate other
                && kind == other.kind
                && subject.equals(other.subject)
                && textBody.equals(other.textBody)
                && htmlBody.equals(other.htmlBody);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, subject, textBody, htmlBody);
    }

    @Override
    public String toString() {
        return "NotificationTemplate[" + kind + ", subject=" + subject + "]";
    }
}
