package org.sealpost.portal.notification.template;

/**
 * Why a template was refused, as a stable code: the administrator's page shows the translated
 * sentence of {@link #messageKey()} filled with {@link TemplateException#arguments()} (the tag as
 * written, the element or attribute, a line); the exception's message stays an English technical
 * description for the log.
 */
public enum TemplateProblem {
    /** A part that must have content is blank. */
    PART_EMPTY,
    /** The subject holds a line break or another control character (a header is one line). */
    SUBJECT_NOT_ONE_LINE,
    /** A kind's required link ({0}) is missing or only inside a section. */
    LINK_MISSING,
    /** "}}" with no "{{" before it, outside the HTML body. */
    STRAY_CLOSING_BRACES,
    /** "{{" with no "}}" before the next "{{". */
    UNCLOSED_BRACES,
    /** "{{{" asks for unescaped output, which the engine never does. */
    UNESCAPED_OUTPUT,
    /** {0}: the text between the braces is not a name. */
    NOT_A_NAME,
    /** {0}: no placeholder of that name. */
    UNKNOWN_PLACEHOLDER,
    /** {0}: no placeholder of that name, but {1} differs only in case. */
    UNKNOWN_PLACEHOLDER_MISCASED,
    /** {0}: a placeholder this kind of mail does not have. */
    NOT_IN_THIS_MAIL,
    /** {0}: the registration link in the new-message mail, whose reader signs in at {1}. */
    REGISTRATION_LINK_ONLY_FIRST_MESSAGE,
    /** {0}: a one-time link in the subject, which every mail server logs. */
    LINK_IN_SUBJECT,
    /** {0}: a section opened on a placeholder that always has a value; {1}: those that open one. */
    NOT_A_SECTION,
    /** {0}: a section inside a section of the same name. */
    NESTED_SECTION,
    /** {0}: a section end with no section open. */
    CLOSES_UNOPENED_SECTION,
    /** {0}: a section end that does not match the open section {1} from line {2}. */
    CLOSES_OTHER_SECTION,
    /** {0}: a section never closed by {1}. */
    SECTION_NOT_CLOSED,
    /** {0}: a condition used as a value; {1} and {2} show the two section forms. */
    CONDITION_AS_VALUE,
    /** {0}: a one-time link in text outside {@code <a href>}. */
    ONE_TIME_LINK_OUTSIDE_LINK,
    /** {0}: a placeholder in an HTML comment or declaration. */
    IN_COMMENT,
    /** {0}: a placeholder in script or style content ({1}), where escaping does not apply. */
    IN_RAW_TEXT,
    /** {0}: a placeholder inside a tag but not in a quoted attribute value. */
    INSIDE_TAG,
    /** {0}: a placeholder in the event-handler attribute {1}. */
    IN_EVENT_HANDLER,
    /** {0}: a placeholder other than {1} (the accent colour) in a style attribute. */
    IN_STYLE,
    /** {0}: a link in attribute {1}, which a mail client fetches by itself. */
    LINK_IN_FETCHED_ATTRIBUTE,
    /** {0}: a value that is not a link at the start of the URL attribute {1}. */
    URL_ATTRIBUTE_START,
    /** An HTML comment without "-->". */
    COMMENT_NOT_CLOSED,
    /** A declaration or processing instruction without ">". */
    DECLARATION_NOT_CLOSED,
    /** "</" not followed by an element name. */
    END_TAG_WITHOUT_NAME,
    /** {0}: an end tag without its ">". */
    END_TAG_NOT_CLOSED,
    /** {0}: an end tag for an element that is not open. */
    CLOSES_ELEMENT_NOT_OPEN,
    /** {0}: an end tag while {1} from line {2} is still open. */
    CLOSES_OTHER_ELEMENT,
    /** {0}: an element never closed. */
    ELEMENT_NEVER_CLOSED,
    /** {0}: a start tag cut short by the next "<". */
    TAG_NOT_CLOSED_BEFORE_NEXT,
    /** {0}: a start tag without its ">". */
    TAG_NOT_CLOSED,
    /** {0}: the quote that opened an attribute value in element {1} and is never closed. */
    ATTRIBUTE_VALUE_NOT_CLOSED;

    /** The resource bundle key of the translated sentence. */
    public String messageKey() {
        return "settings.template.problem." + name();
    }
}
