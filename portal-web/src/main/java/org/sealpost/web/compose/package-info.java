/**
 * Writing in the portal: the compose page (new message, reply, reply all, forward, a draft),
 * its attachments and drafts, and which of these the portal policy offers on the other pages.
 * The beans only present; {@code org.sealpost.portal.policy} and the send service decide.
 */
package org.sealpost.web.compose;
