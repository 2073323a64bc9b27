/** What every page's frame shows: the product, the signed-in person's navigation, the unread count. */
package org.sealpost.web.layout;
