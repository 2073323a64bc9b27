/**
 * Writing in the portal: reply, reply all, forward and new messages, their drafts and
 * attachments, and the one send path. Every lookup is by (id, current account); every send is
 * decided by the stored {@link org.sealpost.portal.policy.PortalPolicy} on the server, whatever
 * the page showed. Internal recipients get real mail through the outbound queue; external ones
 * get the message in the portal, stored by the same code as bridged mail, never in clear.
 */
package org.sealpost.portal.compose;
