/**
 * A recipient's messages: mailbox entries (one per account and message, with folder and read
 * state) over the encrypted message content. Every lookup is by (entry, current account),
 * never by id alone.
 */
package org.sealpost.portal.message;
