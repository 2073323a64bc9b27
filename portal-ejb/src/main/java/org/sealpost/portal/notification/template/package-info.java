/**
 * Mail templates: every mail the portal writes itself ({@link
 * org.sealpost.portal.notification.template.TemplateKind}): "first message, please register",
 * "new message, please sign in", the password-reset link, the administrator's invitation and
 * the account notices.
 * Each has a subject, a text body and an HTML body that the administrator may edit, in each
 * language the portal speaks ({@link org.sealpost.portal.notification.template.DefaultTemplates}
 * holds a complete built-in set per language).
 *
 * <p><b>Syntax</b> is a small, logic-less subset of Mustache:
 * <ul>
 * <li>{@code {{senderName}}} writes a value (the names are in {@link
 * org.sealpost.portal.notification.template.Placeholder});</li>
 * <li>{@code {{#expiryDate}}…{{/expiryDate}}} is shown only when the value is present, {@code
 * {{^expiryDate}}…{{/expiryDate}}} only when it is absent. Sections work with the values that
 * may be absent ({@code senderName}, {@code expiryDate}, {@code originalSubject}) and with the
 * condition {@code oneMessage}, which is how templates say "a new message" or "3 new messages"
 * (two forms are enough for English, German, French and many others; languages with more
 * plural forms, such as Polish or Arabic, would need more conditions);</li>
 * <li>a line holding only a section tag vanishes with its line break (Mustache's "standalone"
 * rule), so sections can sit on lines of their own in the text body.</li>
 * </ul>
 * There is no unescaped output ({@code {{{…}}}}), no partials, no lambdas and no way to write a
 * literal "{{". A general engine (Mustache.java, Handlebars) would bring those, and it renders
 * an unknown name as nothing instead of refusing it; here the grammar is small enough to check
 * completely when the template is saved. Only the built-in defaults share a layout and partials
 * ({@code {{<layout}}}, {@code {{$title}}}, {@code {{>account-notice}}}, Mustache's inheritance
 * syntax), resolved when they are loaded ({@link
 * org.sealpost.portal.notification.template.DefaultLayouts}): the administrator edits, and the
 * table stores, each mail whole.
 *
 * <p><b>Validation at save time</b> ({@link
 * org.sealpost.portal.notification.template.NotificationTemplate#parse}): unknown names (with
 * the allowed ones listed, and a "did you mean" for a wrong case), unbalanced braces, unclosed or
 * crossed sections, sections on values that are always present, the registration link in a
 * {@code NEW_MESSAGE} template or in any subject (subjects are logged by every relay and shown in
 * message lists; the one-time link opens an account), and both bodies lacking, outside any
 * section, the link the recipient needs. The exception names the part, line and column.
 *
 * <p><b>Escaping.</b> In the HTML body every value is escaped for HTML: {@code & < > " '}, the
 * characters the OWASP XSS Prevention Cheat Sheet lists for HTML contexts. The slash is not
 * escaped: an older version of the cheat sheet listed it as "helps end an HTML entity", but a
 * slash can only end an element after a {@code <}, which is escaped, and the cheat sheet dropped
 * it. Escaping is only enough where the value lands in element text or in a quoted attribute
 * value; so the parser follows the HTML body's markup and refuses a placeholder anywhere else
 * (unquoted attribute, tag name, comment, script, style, an {@code on…} or {@code style}
 * attribute), and lets only the portal's own links begin a URL attribute such as {@code href}.
 * A link placeholder stands only in {@code href} (in {@code src} a mail client would fetch a
 * one-time link by itself), a one-time link as text only inside {@code <a>}, and only {@code
 * {{accentColour}}}, which can only be {@code #rrggbb}, in a {@code style} attribute. Broken
 * markup (an element not closed, or closed out of order) is refused with its line ({@code
 * HtmlStructure}).
 * Every refusal is a {@code TemplateException} with a {@code TemplateProblem} code and the
 * details its sentence names (the tag as written, the element or attribute, a line): the
 * administrator's page says it from its bundles in the page's language, the exception's message
 * is English for the log only.
 * The text body is not escaped: it is text/plain, and an "&amp;amp;" there would be read as is.
 *
 * <p><b>Header and display safety.</b> Every value, in every part, is reduced to one line:
 * control characters (CR, LF, TAB, NUL, ...) and Unicode line separators become a space, and
 * bidirectional formatting characters are removed. A sender name cannot therefore add a header
 * line through the subject (RFC 5322 section 2.2), forge extra lines in the bodies, or reverse
 * the text around it. The subject template itself must be one line.
 *
 * <p><b>The original subject</b> can reveal what a confidential message is about to anyone who
 * sees the recipient's inbox, so it appears only when the administrator allows it ({@link
 * org.sealpost.portal.notification.template.NotificationValues#originalSubjectAllowed()}, off by
 * default); otherwise {@code {{originalSubject}}} is empty and its sections disappear.
 *
 * <p><b>The defaults</b> ({@link org.sealpost.portal.notification.template.DefaultTemplates})
 * try not to look like phishing, because a portal notification competes with phishing that
 * imitates it: they name the sender, the organisation and the number of messages, say plainly
 * that the message is not in the e-mail, show every link as its full address rather than behind
 * "click here", ask the reader to check the address bar before typing a password, say the
 * organisation never asks for passwords by e-mail, and end with the address the notification
 * was sent to. The HTML is inline-styled, with no remote images, scripts or tracking.
 */
package org.sealpost.portal.notification.template;
