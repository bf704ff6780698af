package org.hrssplan.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes → text for plan documents as Chinese government sites publish them.
 *
 * <p>Order: a byte-order mark decides (UTF-8, UTF-16LE/BE); otherwise strict UTF-8; otherwise strict
 * GB18030. Strict means a malformed or unmappable byte sequence fails the attempt instead of being
 * replaced, so a GBK file is never silently read as mojibake UTF-8. A statistical detector
 * (juniversalchardet, ICU) is not used: on short, mostly-CJK texts both UTF-8 validity and GB18030
 * validity are exact tests, while detectors guess. A file that neither decodes is rejected with the
 * byte offset and line of the first bad sequence.
 */
public final class DocumentDecoder {
  private static final Charset GB18030 = Charset.forName("GB18030");

  private DocumentDecoder() {}

  public static DecodedText decode(byte[] bytes) throws UndecodableDocumentException {
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      return withBom(bytes, 3, StandardCharsets.UTF_8, "UTF-8 (BOM)");
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return withBom(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE (BOM)");
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return withBom(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE (BOM)");
    }
    if (looksBinary(bytes)) {
      throw new UndecodableDocumentException("binary content (NUL bytes) at byte " + firstNul(bytes)
          + ", line " + lineOf(bytes, firstNul(bytes)) + ": not a text document", lineOf(bytes, firstNul(bytes)));
    }
    try {
      return new DecodedText(strict(bytes, 0, StandardCharsets.UTF_8), "UTF-8");
    } catch (CharacterCodingException utf8Failure) {
      try {
        return new DecodedText(strict(bytes, 0, GB18030), "GB18030");
      } catch (CharacterCodingException gbFailure) {
        int bad = firstBadUtf8(bytes);
        throw new UndecodableDocumentException("neither valid UTF-8 nor GB18030: first invalid UTF-8 sequence at byte "
            + bad + ", line " + lineOf(bytes, bad), lineOf(bytes, bad));
      }
    }
  }

  private static DecodedText withBom(byte[] bytes, int offset, Charset cs, String name) throws UndecodableDocumentException {
    try {
      return new DecodedText(strict(bytes, offset, cs), name);
    } catch (CharacterCodingException e) {
      throw new UndecodableDocumentException("starts with a " + name + " byte-order mark but is not valid " + cs.name(), 1);
    }
  }

  private static String strict(byte[] bytes, int offset, Charset cs) throws CharacterCodingException {
    CharsetDecoder d = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    return d.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
  }

  private static boolean looksBinary(byte[] bytes) {
    return firstNul(bytes) >= 0;
  }

  private static int firstNul(byte[] bytes) {
    int n = Math.min(bytes.length, 1 << 20);
    for (int i = 0; i < n; i++) if (bytes[i] == 0) return i;
    return -1;
  }

  static int lineOf(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) if (bytes[i] == '\n') line++;
    return line;
  }

  private static int firstBadUtf8(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      int need;
      if (c < 0x80) need = 0;
      else if (c >= 0xC2 && c <= 0xDF) need = 1;
      else if (c >= 0xE0 && c <= 0xEF) need = 2;
      else if (c >= 0xF0 && c <= 0xF4) need = 3;
      else return i;
      for (int k = 1; k <= need; k++) {
        if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) return i;
      }
      i += need + 1;
    }
    return b.length;
  }
}
