/**
 * The account pages: sign in, register through the first notification's link, ask for a new
 * link, reset a forgotten password, sign out. Each bean is named for its use case and only
 * presents what {@code org.sealpost.portal.account} decides.
 */
package org.sealpost.web.account;
