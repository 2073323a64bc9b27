/**
 * The account pages: sign in, register through the first notification's link, ask for a new
 * link, reset a forgotten password, sign out; the sign-in's second step (authentication or
 * recovery code), setting up an authenticator and the account page's two-step sign-in section
 * (ADR 0013). Each bean is named for its use case and only presents what
 * {@code org.sealpost.portal.account} and {@code org.sealpost.portal.secondfactor} decide.
 */
package org.sealpost.web.account;
