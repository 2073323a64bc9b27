/**
 * Not API: the single AES-GCM code path shared by the sealer and the start-up warm-up, so the JIT
 * profile the warm-up builds is the profile real messages use.
 */
package org.sealpost.portal.crypto.internal;
