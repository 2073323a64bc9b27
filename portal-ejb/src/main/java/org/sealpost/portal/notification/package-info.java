/**
 * The mails the portal writes, as the administrator edited them: {@link
 * org.sealpost.portal.notification.MailTemplates} owns table {@code mail_template}, an
 * administrator's version of a {@link org.sealpost.portal.notification.template.TemplateKind}
 * in one {@link org.sealpost.portal.language.Language} (no row: that language's built-in
 * default), and {@link org.sealpost.portal.notification.PortalMails} renders every mail through
 * the one template engine ({@code notification.template}) in the recipient's language (the
 * account's, else the organisation's default) with the organisation's branding.
 *
 * <p>Every mail the portal sends is composed here: {@link
 * org.sealpost.portal.notification.NotificationComposer} writes the mail for a recipient's due
 * queue rows (through {@link org.sealpost.portal.notification.CurrentMailComposer}, the
 * {@link org.sealpost.portal.outbound.MailComposer} the outbound worker delivers with), {@link
 * org.sealpost.portal.notification.AccountMail} queues the account flows' link mails and
 * notices (account's {@link org.sealpost.portal.account.AccountMailQueue}), and {@link
 * org.sealpost.portal.notification.TemplateTestMail} an administrator's test. The outbound
 * queue only queues and delivers what is written here; this package builds on it, never the
 * other way round.
 */
package org.sealpost.portal.notification;
