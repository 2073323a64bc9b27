/**
 * What every page's frame shows (the product, the signed-in person's navigation, the unread
 * count) and how a request that fails is answered: the portal's own error pages, a form whose
 * session ended shown again, storage out of reach as 503, a post without the page's nonce as
 * 400.
 */
package org.sealpost.web.layout;
