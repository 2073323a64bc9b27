/**
 * Recipient and administrator accounts: an account exists as PENDING from the moment mail
 * arrives for an address, and becomes ACTIVE when its owner registers through the one-time
 * link of the first notification.
 */
package org.sealpost.portal.account;
