package org.sealpost.portal.message;

/**
 * No such message in the caller's mailbox. Deliberately the same whether the id does not exist
 * or belongs to someone else: the web tier answers 404 for both.
 */
public class MessageNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public MessageNotFoundException(long entryId) {
        super("no message " + entryId + " in this mailbox");
    }
}
