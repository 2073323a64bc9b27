package org.sealpost.search.internal;

import java.util.Objects;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.sealpost.search.IndexedMessage;

/**
 * The Lucene document of a message: the fields {@link IndexFields} names plus one text field
 * per {@link SearchField}. Which words end up in the index is the analyzer's business; this
 * class only says where each part of the message goes, so that the benchmark's plain-Lucene
 * baseline indexes exactly the same document shape as the keyed index.
 */
final class MessageDocuments {

    private final Function<String, BytesRef> folderTerm;

    /** @param folderTerm turns a folder name into the keyword the index stores for it */
    MessageDocuments(Function<String, BytesRef> folderTerm) {
        this.folderTerm = Objects.requireNonNull(folderTerm, "folderTerm");
    }

    Document toDocument(IndexedMessage message) {
        Document doc = new Document();
        long account = message.accountId();
        doc.add(keyword(IndexFields.accountTerm(account).text(), IndexFields.ACCOUNT));
        doc.add(keyword(IndexFields.keyTerm(account, message.messageId()).text(), IndexFields.KEY));
        doc.add(new StringField(IndexFields.FOLDER, folderTerm.apply(message.folder()), Field.Store.NO));
        doc.add(new StoredField(IndexFields.MESSAGE_ID, message.messageId()));
        doc.add(new NumericDocValuesField(
                IndexFields.RECEIVED_AT, message.receivedAt().toEpochMilli()));
        addText(doc, SearchField.FROM, message.from());
        addText(doc, SearchField.TO, message.to());
        addText(doc, SearchField.CC, message.cc());
        addText(doc, SearchField.SUBJECT, message.subject());
        addText(doc, SearchField.BODY, message.bodyText());
        for (String name : message.attachmentNames()) {
            addText(doc, SearchField.ATTACHMENT, name);
        }
        return doc;
    }

    private static StringField keyword(String value, String field) {
        return new StringField(field, value, Field.Store.NO);
    }

    private static void addText(Document doc, SearchField field, String text) {
        if (text != null && !text.isEmpty()) {
            doc.add(new TextField(field.indexName(), text, Field.Store.NO));
        }
    }
}
