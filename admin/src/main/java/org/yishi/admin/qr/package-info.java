/**
 * Issuing elder QR tokens, an administrator's job that must never be done at a till: {@code qr keygen} (a new issuing
 * key pair), {@code qr issue} (a signed code for an elder's active card) and the part {@code card print} shares with
 * it (options, finding the elder and card in a registry CSV directory, refusing what must not get a code). The token
 * format, its signing and verifying, and the key files are in card-reader ({@code org.yishi.cardreader.qr},
 * docs/qr-token.md); a till has only the public key and {@code qr verify}.
 */
package org.yishi.admin.qr;
