/**
 * The mails the portal writes, as the administrator edited them: {@link
 * org.sealpost.portal.notification.MailTemplates} owns table {@code mail_template}, an
 * administrator's version of a {@link org.sealpost.portal.notification.template.TemplateKind}
 * in one {@link org.sealpost.portal.language.Language} (no row: that language's built-in
 * default), and {@link org.sealpost.portal.notification.PortalMails} renders every mail through
 * the one template engine ({@code notification.template}) in the recipient's language (the
 * account's, else the organisation's default) with the organisation's branding. The outbound queue only queues and delivers what is rendered here.
 */
package org.sealpost.portal.notification;
