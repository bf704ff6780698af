package org.hrssplan.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentDecoderTest {
  private static final String TEXT = "专栏1 “十三五”时期主要指标完成情况\n失业保险参保人数（万人）\t2.1";

  @Test
  void decodesUtf8WithAndWithoutBom() throws Exception {
    assertEquals("UTF-8", DocumentDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8)).encoding());
    byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(StandardCharsets.UTF_8));
    DecodedText d = DocumentDecoder.decode(bom);
    assertEquals("UTF-8 (BOM)", d.encoding());
    assertEquals(TEXT, d.text());
  }

  @Test
  void decodesGb18030AsPublishedByGovernmentSites() throws Exception {
    DecodedText d = DocumentDecoder.decode(TEXT.getBytes(Charset.forName("GB18030")));
    assertEquals("GB18030", d.encoding());
    assertEquals(TEXT, d.text());
  }

  @Test
  void decodesUtf16WithBom() throws Exception {
    byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(TEXT, DocumentDecoder.decode(le).text());
    byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE));
    assertEquals("UTF-16BE (BOM)", DocumentDecoder.decode(be).encoding());
  }

  @Test
  void rejectsBinaryNamingTheLine() {
    byte[] bin = concat("第一行\n第二行\n".getBytes(StandardCharsets.UTF_8), new byte[] {0x00, 0x01, 0x02});
    UndecodableDocumentException e = assertThrows(UndecodableDocumentException.class, () -> DocumentDecoder.decode(bin));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test
  void rejectsBytesThatAreNeitherUtf8NorGb18030() {
    byte[] bad = concat("标题\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
    UndecodableDocumentException e = assertThrows(UndecodableDocumentException.class, () -> DocumentDecoder.decode(bad));
    assertEquals(2, e.line());
  }

  @Test
  void foldsFullWidthDigitsAndPunctuationButKeepsCjkPunctuation() {
    assertEquals("2.06 (万人): >92 <5.5 -", TextFolding.fold("２．０６　（万人）： ＞92 ＜5.5 －"));
    assertEquals("【6.81】、“十四五”—", TextFolding.fold("【6.81】、“十四五”—"));
    assertEquals("  附表", TextFolding.fold("\u2003\u2003附表"));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
