/** The recipient's folders. For now the inbox overview a recipient lands on after signing in. */
package org.sealpost.web.mailbox;
