/**
 * The administrator's portal policy: for each of reply, reply all, forward, compose and attach,
 * whether a recipient may write to internal addresses only, to external ones too, or not at
 * all; which domains are internal; how much may be attached. One row in the database, so every
 * node decides by the same rules the moment they change; the rules themselves live in
 * {@link org.sealpost.portal.policy.PortalPolicy} and are applied to every send on the server.
 */
package org.sealpost.portal.policy;
