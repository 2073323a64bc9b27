/**
 * A recipient's messages: mailbox entries (one per account and message, with folder and read
 * state) over the encrypted message content. {@link org.sealpost.portal.message.StoredMessages}
 * owns both tables and is the one way to open a sealed message; the entries' rules live in the
 * entity {@link org.sealpost.portal.message.MailboxEntry}. Every lookup is by (entry, current
 * account), never by id alone.
 */
package org.sealpost.portal.message;
