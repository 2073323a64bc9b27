/**
 * Recipient and administrator accounts: an account exists as PENDING from the moment mail
 * arrives for an address, and becomes ACTIVE when its owner registers through the one-time
 * link of the first notification.
 *
 * <p>{@link org.sealpost.portal.account.AccountDirectory} owns table {@code account}. Account
 * is the bottom of the portal's feature packages: where an account flow needs a package that
 * builds on it, it names an interface of its own that the other implements ({@link
 * org.sealpost.portal.account.AccountMailQueue}: notification; {@link
 * org.sealpost.portal.account.ConfirmedSecondFactors}: secondfactor).
 */
package org.sealpost.portal.account;
