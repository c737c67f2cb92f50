/**
 * {@code card print}: the printable face of an elder's card, ID-1 size (85.6 × 54 mm) at 300 dpi, drawn with Java2D
 * in a font that can show Chinese ({@code org.yishi.receipts.preview.CjkFontChooser}), as a PNG or a PDF at the exact
 * card size. It carries the signed QR token bound to the card and never the full resident ID number.
 */
package org.yishi.admin.cardface;
