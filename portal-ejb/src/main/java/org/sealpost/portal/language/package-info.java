/**
 * The languages the portal speaks: its pages (chosen by the browser, among these) and its mails
 * (chosen by the recipient account's language, else the organisation's default).
 */
package org.sealpost.portal.language;
