/**
 * The registry of signed-in sessions: one database row per session, so every portal node
 * can list an account's sessions and refuse one that was ended elsewhere. A session is named
 * by a random public {@link org.sealpost.portal.session.SessionHandle}, never by its servlet
 * session id, so nothing the account page shows (or a database dump holds) lets anyone take
 * a session over. The web layer registers a session at sign-in, asks {@link
 * org.sealpost.portal.session.SessionRegistry#check} on each request, and reports sign-out and
 * expiry; the rules of what is active and who may end what live here: a session's own in
 * {@link org.sealpost.portal.session.PortalSession} (opened, touched, ended once), the verdict
 * in {@link org.sealpost.portal.session.SessionCheck}, and
 * {@link org.sealpost.portal.session.SessionRegistry} as the one owner of table
 * {@code portal_session}. The account's side of the check (active? sessions valid since?) is
 * asked of the account's owner, which alone names table {@code account}.
 */
package org.sealpost.portal.session;
