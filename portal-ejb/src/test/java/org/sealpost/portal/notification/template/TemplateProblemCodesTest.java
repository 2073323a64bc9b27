package org.sealpost.portal.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each way a template is refused carries its code and the details its translated sentence names
 * (the tag as written, the element or attribute, the line of the other end), so the administrator's
 * page can say it in the reader's language; every code is reachable from a template.
 */
class TemplateProblemCodesTest {

    private static final String TEXT = "Sign in at {{portalLink}}";
    private static final String LINK = "<a href=\"{{portalLink}}\">{{portalLink}}</a>";
    private static final String HTML = "<p>" + LINK + "</p>";

    record Refused(
            TemplateProblem problem,
            TemplateKind kind,
            String subject,
            String text,
            String html,
            TemplatePart part,
            List<Object> arguments) {

        @Override
        public String toString() {
            return problem.name();
        }
    }

    private static Refused text(TemplateProblem problem, String text, Object... arguments) {
        return new Refused(
                problem, TemplateKind.NEW_MESSAGE, "Hi", text, HTML, TemplatePart.TEXT_BODY, List.of(arguments));
    }

    private static Refused html(TemplateProblem problem, String html, Object... arguments) {
        return new Refused(
                problem, TemplateKind.NEW_MESSAGE, "Hi", TEXT, html, TemplatePart.HTML_BODY, List.of(arguments));
    }

    static Stream<Refused> refusals() {
        return Stream.of(
                new Refused(
                        TemplateProblem.PART_EMPTY,
                        TemplateKind.NEW_MESSAGE,
                        " ",
                        TEXT,
                        HTML,
                        TemplatePart.SUBJECT,
                        List.of()),
                new Refused(
                        TemplateProblem.SUBJECT_NOT_ONE_LINE,
                        TemplateKind.NEW_MESSAGE,
                        "Hi\nthere",
                        TEXT,
                        HTML,
                        TemplatePart.SUBJECT,
                        List.of()),
                new Refused(
                        TemplateProblem.LINK_IN_SUBJECT,
                        TemplateKind.REGISTER_FIRST_MESSAGE,
                        "Join {{registrationLink}}",
                        "{{registrationLink}}",
                        "<p><a href=\"{{registrationLink}}\">{{registrationLink}}</a></p>",
                        TemplatePart.SUBJECT,
                        List.of("{{registrationLink}}")),
                new Refused(
                        TemplateProblem.ONE_TIME_LINK_OUTSIDE_LINK,
                        TemplateKind.PASSWORD_RESET,
                        "Hi",
                        "{{resetLink}}",
                        "<p>{{resetLink}}</p>",
                        TemplatePart.HTML_BODY,
                        List.of("{{resetLink}}")),
                text(TemplateProblem.LINK_MISSING, "Hello", "{{portalLink}}"),
                text(TemplateProblem.STRAY_CLOSING_BRACES, "senderName}} " + TEXT),
                text(TemplateProblem.UNCLOSED_BRACES, "{{senderName " + TEXT),
                text(TemplateProblem.UNESCAPED_OUTPUT, "{{{senderName}}} " + TEXT),
                text(TemplateProblem.NOT_A_NAME, "{{ 1x }} " + TEXT, "{{1x}}"),
                text(TemplateProblem.UNKNOWN_PLACEHOLDER, "{{customerName}} " + TEXT, "{{customerName}}"),
                text(
                        TemplateProblem.UNKNOWN_PLACEHOLDER_MISCASED,
                        "{{portallink}} " + TEXT,
                        "{{portallink}}",
                        "{{portalLink}}"),
                text(TemplateProblem.NOT_IN_THIS_MAIL, "{{resetLink}} " + TEXT, "{{resetLink}}"),
                text(
                        TemplateProblem.REGISTRATION_LINK_ONLY_FIRST_MESSAGE,
                        "{{registrationLink}} " + TEXT,
                        "{{registrationLink}}",
                        "{{portalLink}}"),
                text(
                        TemplateProblem.NOT_A_SECTION,
                        "{{#portalLink}}x{{/portalLink}} " + TEXT,
                        "{{#portalLink}}",
                        sectionNames()),
                text(
                        TemplateProblem.NESTED_SECTION,
                        "{{#senderName}}{{#senderName}}x{{/senderName}}{{/senderName}} " + TEXT,
                        "senderName"),
                text(TemplateProblem.CLOSES_UNOPENED_SECTION, "{{/senderName}} " + TEXT, "{{/senderName}}"),
                text(
                        TemplateProblem.CLOSES_OTHER_SECTION,
                        "{{#senderName}}\n{{^expiryDate}}a{{/senderName}}{{/expiryDate}} " + TEXT,
                        "{{/senderName}}",
                        "{{^expiryDate}}",
                        2),
                text(
                        TemplateProblem.SECTION_NOT_CLOSED,
                        TEXT + " {{#senderName}}x",
                        "{{#senderName}}",
                        "{{/senderName}}"),
                text(
                        TemplateProblem.CONDITION_AS_VALUE,
                        "{{oneMessage}} " + TEXT,
                        "{{oneMessage}}",
                        "{{#oneMessage}}…{{/oneMessage}}",
                        "{{^oneMessage}}…{{/oneMessage}}"),
                html(TemplateProblem.IN_COMMENT, HTML + "<!-- {{senderName}} -->", "{{senderName}}"),
                html(TemplateProblem.IN_RAW_TEXT, HTML + "<style>{{senderName}}</style>", "{{senderName}}", "style"),
                html(TemplateProblem.INSIDE_TAG, HTML + "<p {{senderName}}>x</p>", "{{senderName}}"),
                html(
                        TemplateProblem.IN_EVENT_HANDLER,
                        HTML + "<p onclick=\"{{senderName}}\">x</p>",
                        "{{senderName}}",
                        "onclick"),
                html(
                        TemplateProblem.IN_STYLE,
                        HTML + "<p style=\"{{senderName}}\">x</p>",
                        "{{senderName}}",
                        "{{accentColour}}"),
                html(
                        TemplateProblem.LINK_IN_FETCHED_ATTRIBUTE,
                        HTML + "<img alt=\"\" src=\"{{portalLink}}\">",
                        "{{portalLink}}",
                        "src"),
                html(
                        TemplateProblem.URL_ATTRIBUTE_START,
                        HTML + "<a href=\"{{senderAddress}}\">x</a>",
                        "{{senderAddress}}",
                        "href"),
                html(TemplateProblem.COMMENT_NOT_CLOSED, HTML + "<!-- x"),
                html(TemplateProblem.DECLARATION_NOT_CLOSED, HTML + "<!DOCTYPE html"),
                html(TemplateProblem.END_TAG_WITHOUT_NAME, HTML + "</ x>"),
                html(TemplateProblem.END_TAG_NOT_CLOSED, "<p>" + LINK + "</p", "p"),
                html(TemplateProblem.CLOSES_ELEMENT_NOT_OPEN, HTML + "</div>", "div"),
                html(TemplateProblem.CLOSES_OTHER_ELEMENT, "<div>\n<p>" + LINK + "</div>", "div", "p", 2),
                html(TemplateProblem.ELEMENT_NEVER_CLOSED, "<div>" + LINK, "div"),
                html(TemplateProblem.TAG_NOT_CLOSED_BEFORE_NEXT, HTML + "<p <b>x</b>", "p"),
                html(TemplateProblem.TAG_NOT_CLOSED, HTML + "<p class=x", "p"),
                html(TemplateProblem.ATTRIBUTE_VALUE_NOT_CLOSED, HTML + "<p class=\"x>", "\"", "p"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void eachRefusalCarriesItsCodeAndTheDetailsItsSentenceNames(Refused refused) {
        TemplateException e = catchThrowableOfType(
                TemplateException.class,
                () -> NotificationTemplate.parse(refused.kind(), refused.subject(), refused.text(), refused.html()));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.problem()).as(e.getMessage()).isEqualTo(refused.problem());
        assertThat(e.part()).isEqualTo(refused.part());
        assertThat(e.arguments()).as(e.getMessage()).isEqualTo(refused.arguments());
        // The log keeps an English technical description.
        assertThat(e.getMessage()).isNotBlank();
    }

    @Test
    void everyCodeIsReachedByOneOfTheCases() {
        Set<TemplateProblem> reached = refusals()
                .map(Refused::problem)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TemplateProblem.class)));

        assertThat(reached).containsExactlyInAnyOrder(TemplateProblem.values());
    }

    @Test
    void theMessageKeyNamesTheCode() {
        assertThat(TemplateProblem.CLOSES_OTHER_ELEMENT.messageKey())
                .isEqualTo("settings.template.problem.CLOSES_OTHER_ELEMENT");
    }

    private static String sectionNames() {
        return Stream.of(Placeholder.values())
                .filter(Placeholder::opensSection)
                .map(Placeholder::key)
                .collect(Collectors.joining(", "));
    }
}
