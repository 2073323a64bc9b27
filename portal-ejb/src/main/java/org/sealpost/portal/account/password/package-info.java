/**
 * Passwords: what the portal accepts as a new password, and how it stores and checks one.
 *
 * <p><b>Rules</b> ({@link org.sealpost.portal.account.password.PasswordPolicy}) follow NIST SP
 * 800-63B (rev. 3 section 5.1.1.2, carried into rev. 4 section 3.1.1.2): a minimum length and
 * a screen against values known to be guessed first, and nothing else. There are no
 * composition rules (no "one digit, one symbol"), no forced rotation and no hints, because
 * they push people to predictable patterns ({@code Password1!}) without making passwords
 * harder to guess.
 * <ul>
 * <li><b>Normalisation.</b> The candidate is normalised to Unicode NFKC before it is counted,
 * screened or hashed (800-63B: "SHOULD apply the Normalization Process for Stabilization of
 * Strings using either the NFKC or NFKD normalization"), so the same password typed on another
 * keyboard, with a precomposed "é" or a combining accent, or a ligature such as "ﬁ", still
 * matches. The normalisation lives in one place, {@code PasswordText}, used by both the
 * policy and the hasher, so what is screened is exactly what is hashed.</li>
 * <li><b>Length in code points</b>, not Java {@code char}s: an emoji outside the Basic
 * Multilingual Plane is one character to the person typing it (800-63B: "each Unicode code
 * point SHALL be counted as a single character").</li>
 * <li><b>At least 12</b> by default. Rev. 3 requires 8; OWASP ASVS 4.0.3 (V2.1.1) requires 12;
 * rev. 4 requires 15 where the password is the only factor, as it is in this portal today.
 * The minimum is therefore a constructor argument: 12 is the default agreed for the first
 * release, and an installation that wants rev. 4 conformance sets 15.</li>
 * <li><b>At most 128.</b> NIST asks to allow at least 64. 128 fits any passphrase people type
 * and any password-manager output. The bound is not for Argon2, whose cost barely depends on
 * the password's length, but for the guessability estimate: zxcvbn's matching is
 * superlinear in the length (measured here: 50 ms at 128 characters, 8 s at 1,024), so a
 * larger maximum would hand anyone who can reach the registration form a cheap way to burn
 * CPU. Input longer than four times the maximum is refused before it is even normalised.</li>
 * <li><b>Not the account's address.</b> The whole address, or its local part when that has at
 * least 4 characters, anywhere in the password (case-insensitive) is refused: it is the first
 * thing an attacker who knows the address tries (800-63B: "context-specific words, such as
 * ... the username, and derivatives thereof"). Shorter local parts ("jo") would refuse
 * ordinary words, so they are only passed, with the domain, to the guessability estimate.</li>
 * <li><b>Not a common password.</b> The candidate, lower-cased, is looked up in the 30,000
 * most common passwords that zxcvbn ships (its {@code passwords} frequency list, drawn from
 * leaked password corpora), both as typed and with the digits and symbols before and after
 * its letters removed, because "iloveyou1234" is how people satisfy a length rule with a
 * listed password.</li>
 * <li><b>Not easy to guess.</b> Finally zxcvbn's estimate must reach score 3 (at least
 * 10<sup>8</sup> guesses): this catches what a list cannot, such as keyboard walks
 * ("qwertyuiop123"), repeats, sequences, dates, l33t spellings of listed words
 * ("p@ssw0rd1234"), dictionary words, and the account's own address parts and the service's
 * name given as context. It runs only when the cheaper rules found nothing, so a person sees
 * one clear reason rather than three overlapping ones.</li>
 * <li><b>Characters.</b> Control characters and unpaired UTF-16 surrogates are refused (as the
 * RFC 8265 OpaqueString profile does): they cannot be typed reliably, and an unpaired
 * surrogate has no UTF-8 form to hash. Everything else, spaces and emoji included, is
 * allowed.</li>
 * </ul>
 *
 * <p><b>Storage</b> ({@link org.sealpost.portal.account.password.PasswordHasher}) is Argon2id
 * (RFC 9106), computed by the system's reference C library {@code libargon2} where it is
 * installed and by BouncyCastle otherwise, because the JDK has no memory-hard password hash
 * ({@link org.sealpost.portal.account.password.Argon2idImplementation}, docs/adr/0019), with
 * OWASP's Password Storage Cheat Sheet parameters by default: 19 MiB of memory, 2 passes, one
 * lane, a 16-byte random salt and a 32-byte tag. Each hash is stored as a PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<tag>}, the format of the reference
 * implementation and of libsodium), which carries its own parameters: hashes made under
 * earlier settings keep verifying, and {@link
 * org.sealpost.portal.account.password.PasswordHasher#needsRehash(String)} tells the login
 * service when to store a fresh hash with the current settings. Tags are compared in constant
 * time, and a login for an unknown address spends the same Argon2 work
 * ({@link org.sealpost.portal.account.password.PasswordHasher#verifyAgainstDummy(char[])}) so
 * the response time does not reveal which addresses have accounts.
 *
 * <p><b>Licence of the list.</b> zxcvbn4j ({@code com.nulab-inc:zxcvbn}) is MIT-licensed, like
 * Dropbox's zxcvbn whose data files it ships; MIT is compatible with this project's licence
 * and only asks that the copyright notice travels with the jar, which it does.
 */
package org.sealpost.portal.account.password;
