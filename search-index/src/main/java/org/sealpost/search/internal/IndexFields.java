package org.sealpost.search.internal;

import org.apache.lucene.index.Term;

/**
 * The non-text fields of a document. Only {@link #MESSAGE_ID} and {@link #RECEIVED_AT} are
 * stored (to return hits); {@link #ACCOUNT} and {@link #KEY} are plain ids; {@link #FOLDER}
 * holds the folder name's keyed hash, so even user-named folders would not leak.
 */
final class IndexFields {

    static final String ACCOUNT = "account";
    /** Account and message id together: the unit that {@code index} replaces. */
    static final String KEY = "key";

    static final String FOLDER = "folder";
    static final String MESSAGE_ID = "messageId";
    static final String RECEIVED_AT = "receivedAt";

    private IndexFields() {}

    static Term accountTerm(long accountId) {
        return new Term(ACCOUNT, Long.toString(accountId));
    }

    static Term keyTerm(long accountId, String messageId) {
        return new Term(KEY, accountId + "/" + messageId);
    }
}
