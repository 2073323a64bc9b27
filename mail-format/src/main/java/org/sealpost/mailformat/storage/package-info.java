/**
 * The pieces of Sealpost's stored binary records that more than one record shares: the message
 * metadata kept next to every received message ({@link org.sealpost.mailformat.metadata}) and the
 * portal's sealed drafts write their strings the same way, through {@link
 * org.sealpost.mailformat.storage.StoredStrings}. What is stored is never rewritten, so the form
 * here must not change; a record that needs another form bumps its own format version.
 */
package org.sealpost.mailformat.storage;
