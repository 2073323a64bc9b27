package org.sealpost.portal.compose;

/**
 * No such message, draft or attachment for this account. The same whether the id does not exist
 * or belongs to someone else: the web answers 404 for both.
 */
public class NotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, Object id) {
        super("no " + what + " " + id + " for this account");
    }
}
