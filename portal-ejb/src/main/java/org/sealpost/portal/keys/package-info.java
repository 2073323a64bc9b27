/**
 * The life cycle of the key-encryption keys (KEK) that wrap every stored data key: rotation
 * (a new version becomes current and every data key is re-wrapped to it, batch by batch),
 * status (which version wraps how many keys in which table, and the rotation's progress) and
 * retirement (an unused, superseded version is removed from the keystore).
 *
 * <p>Retirement is what makes crypto-shredding hold for backups: deleting a message removes its
 * wrapped key from the live database at once, but a database backup taken before still holds
 * it, and it opens for as long as the KEK version that wrapped it exists. Rotating and then
 * retiring the old version after the backups' retention bounds that time (ADR 0012).
 *
 * <p>The logic is plain Java over an entity manager and the keystore ({@link
 * org.sealpost.portal.keys.KeyLifecycle}), so the operator's {@code ./sealpost keys} runs it
 * outside the container exactly as the portal's admin page and re-wrap worker do inside.
 */
package org.sealpost.portal.keys;
