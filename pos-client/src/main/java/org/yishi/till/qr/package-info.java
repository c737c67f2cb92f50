/**
 * Issuing elder QR tokens at the administrator's machine: the issuing key files, the trusted-keys file tills are
 * configured with, and finding an elder and their card in a registry CSV directory. The token format itself is in
 * card-reader ({@code org.yishi.cardreader.qr}, docs/qr-token.md).
 */
package org.yishi.till.qr;
