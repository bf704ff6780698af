package org.hrssplan.testing;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

/**
 * Writes the source of the fixture {@code fixtures/pdf/page_break_table.pdf}: a short plan of the made-up county 柳河县
 * with a page header on every page, a footer {@code - PAGE -} (a real PAGE field), and a bordered indicator table (专栏1)
 * long enough to continue on the next page, its header row marked to repeat (tblHeader) and its 类别 cells merged
 * vertically (vMerge). Not part of the tests; run by hand to remake the fixture:
 *
 * <pre>
 *   mvn -B -q -o -Dexec.skip=true -DskipTests test-compile
 *   cd jobs && mvn -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *       org.hrssplan.testing.PageBreakTablePlan src/test/resources/fixtures/pdf/page_break_table.docx
 *   cd src/test/resources/fixtures/pdf && soffice --headless --convert-to pdf page_break_table.docx
 * </pre>
 *
 * The font is WenQuanYi Micro Hei so that LibreOffice sets the same lines on any machine that has it; another CJK font
 * moves the page break, and then the hand-written page_break_table.expected.csv must be checked again (its locators).
 */
public final class PageBreakTablePlan {
  private static final String FONT = "WenQuanYi Micro Hei";
  private static final String TITLE = "柳河县人力资源和社会保障事业发展“十四五”规划";
  /** Column widths in twips (A4 text width with 2.5 cm margins ≈ 8900 twips). */
  private static final int[] WIDTHS = {1300, 4200, 1200, 1200, 1000};

  /** 类别, 指标, 2020年基数, 2025年目标, 属性; a null 类别 continues the one above (vMerge). */
  private static final String[][] ROWS = {
    {"就业创业", "城镇新增就业人数（万人）", "[1.26]", "[1.2]", "预期性"},
    {null, "城镇调查失业率（%）", "—", "≤5.5", "预期性"},
    {null, "城镇登记失业率（%）", "3.2", "≤4.5", "预期性"},
    {null, "城镇登记失业人员就业人数（万人）", "[0.35]", "[0.3]", "预期性"},
    {null, "城镇就业困难人员就业（万人）", "[0.12]", "[0.1]", "预期性"},
    {null, "转移就业农村劳动力人数（万人）", "8.6", ">9.0", "预期性"},
    {null, "农村富余劳动力转移就业（万人次）", "[4.31]", "[4.5]", "约束性"},
    {null, "帮助引领成功创业（人）", "[1500]", "[1800]", "预期性"},
    {null, "开展补贴性职业技能培训人次（万人次）", "[2.1]", "[2.5]", "预期性"},
    {null, "新增就业岗位（万个）", "0.4", ">0.5", "预期性"},
    {null, "充分就业社区占比（%）", "85", "95", "预期性"},
    {"社会保障", "基本养老保险参保率（%）", "90", "95", "约束性"},
    {null, "基本养老保险参保人数（万人）", "18.6", "20", "预期性"},
    {null, "城乡居民养老保险参保率（%）", "96.5", "≥97", "约束性"},
    {null, "失业保险参保人数（万人）", "1.05", "1.3", "预期性"},
    {null, "工伤保险参保人数（万人）", "1.6", "2.0", "预期性"},
    {null, "城镇职工基本医疗保险参保人数（万人）", "3.4", "3.8", "预期性"},
    {null, "城乡居民基本医疗保险参保人数（万人）", "21.5", "22", "约束性"},
    {null, "社会保障卡持卡人口覆盖率（%）", "96", "98", "预期性"},
    {null, "社会保障卡持卡人数（万人）", "24.3", "25", "预期性"},
    {null, "申领电子社保卡人口覆盖率（%）", "21", "60", "预期性"},
    {"人才", "专业技术人才总量（万人）", "0.85", "1.0", "预期性"},
    {null, "高级职称人才数量（人）", "520", "700", "预期性"},
    {null, "技能人才总量（万人）", "2.3", "3.0", "预期性"},
    {null, "高技能人才总量（万人）", "0.62", "0.9", "预期性"},
    {null, "高技能人才占技能劳动者比重（%）", "27", "≥30", "预期性"},
    {"劳动关系", "企业劳动合同签订率（%）", "96", ">95", "约束性"},
    {null, "劳动人事争议调解成功率（%）", "65", "70", "预期性"},
    {null, "劳动人事争议仲裁结案率（%）", "95.3", "≥95", "约束性"},
    {null, "劳动保障监察举报投诉案件结案率（%）", "98", "99", "预期性"},
    {"公共服务", "乡镇（街道）、社区（村）就业社保服务机构标准化率（%）", "—", "100", "预期性"},
  };

  private PageBreakTablePlan() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "page_break_table.docx");
    try (XWPFDocument doc = new XWPFDocument(); OutputStream os = Files.newOutputStream(out)) {
      page(doc);
      headerAndFooter(doc);

      paragraph(doc, TITLE, 18, true, ParagraphAlignment.CENTER, 0);
      paragraph(doc, "柳河县人力资源和社会保障局", 12, false, ParagraphAlignment.CENTER, 0);
      paragraph(doc, "第一章  发展基础", 14, true, ParagraphAlignment.LEFT, 0);
      paragraph(doc, "“十三五”时期，全县人社系统坚持稳中求进工作总基调，深入实施就业优先政策，扎实推进全民参保计划，"
          + "人才队伍建设和劳动关系协调取得新进展，人社公共服务能力明显增强，为全县经济社会发展提供了有力支撑。", 12, false,
          ParagraphAlignment.BOTH, 2);
      paragraph(doc, "同时也要看到，全县就业结构性矛盾依然突出，社会保险扩面空间收窄，高技能人才总量不足，"
          + "基层公共服务平台建设还有短板，需要在“十四五”时期着力加以解决。", 12, false, ParagraphAlignment.BOTH, 2);
      paragraph(doc, "第二章  指导思想和基本原则", 14, true, ParagraphAlignment.LEFT, 0);
      paragraph(doc, "坚持以人民为中心的发展思想，坚持就业优先战略，健全覆盖全民、统筹城乡、公平统一、可持续的多层次社会保障体系，"
          + "推动全县人力资源和社会保障事业高质量发展。", 12, false, ParagraphAlignment.BOTH, 2);
      paragraph(doc, "专栏1  “十四五”时期主要指标", 12, true, ParagraphAlignment.CENTER, 0);
      table(doc);
      paragraph(doc, "注：[ ]内为五年累计数。", 10.5, false, ParagraphAlignment.LEFT, 0);
      paragraph(doc, "第三章  主要任务", 14, true, ParagraphAlignment.LEFT, 0);
      paragraph(doc, "实施更加积极的就业政策，完善重点群体就业支持体系，健全终身职业技能培训制度，"
          + "稳步提高社会保障待遇水平，构建和谐劳动关系，全面提升人社公共服务水平。", 12, false, ParagraphAlignment.BOTH, 2);
      doc.write(os);
    }
  }

  /** A4, 2.5 cm margins left and right, 2.54 cm top and bottom, header and footer 1.5 cm from the edge. */
  private static void page(XWPFDocument doc) {
    CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
        : doc.getDocument().getBody().addNewSectPr();
    var size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    var m = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
    m.setTop(BigInteger.valueOf(1440));
    m.setBottom(BigInteger.valueOf(1440));
    m.setLeft(BigInteger.valueOf(1418));
    m.setRight(BigInteger.valueOf(1418));
    m.setHeader(BigInteger.valueOf(851));
    m.setFooter(BigInteger.valueOf(851));
  }

  /** The plan's title as the header of every page; {@code - n -} with a PAGE field as the footer. */
  private static void headerAndFooter(XWPFDocument doc) {
    XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
    XWPFParagraph h = header.getParagraphs().isEmpty() ? header.createParagraph() : header.getParagraphs().get(0);
    h.setAlignment(ParagraphAlignment.CENTER);
    run(h, TITLE, 9, false);

    XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
    XWPFParagraph f = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
    f.setAlignment(ParagraphAlignment.CENTER);
    run(f, "- ", 10.5, false);
    run(f, null, 10.5, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
    run(f, null, 10.5, false).getCTR().addNewInstrText().setStringValue(" PAGE ");
    run(f, null, 10.5, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
    run(f, "1", 10.5, false);
    run(f, null, 10.5, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    run(f, " -", 10.5, false);
  }

  private static void table(XWPFDocument doc) {
    XWPFTable t = doc.createTable(1 + ROWS.length, WIDTHS.length);
    t.setTopBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
    t.setBottomBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
    t.setLeftBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
    t.setRightBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
    t.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
    t.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
    var tblPr = t.getCTTbl().getTblPr();
    (tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
    t.setTableAlignment(org.apache.poi.xwpf.usermodel.TableRowAlign.CENTER);
    var grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
    while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
    for (int w : WIDTHS) grid.addNewGridCol().setW(BigInteger.valueOf(w));

    String[] head = {"类别", "指标", "2020年基数", "2025年目标", "属性"};
    XWPFTableRow headRow = t.getRow(0);
    headRow.setRepeatHeader(true);
    headRow.setCantSplitRow(true);
    for (int c = 0; c < head.length; c++) cell(headRow.getCell(c), c, head[c], true, ParagraphAlignment.CENTER);
    for (int r = 0; r < ROWS.length; r++) {
      XWPFTableRow row = t.getRow(r + 1);
      row.setCantSplitRow(true);
      String[] v = ROWS[r];
      for (int c = 0; c < v.length; c++) {
        XWPFTableCell cell = row.getCell(c);
        cell(cell, c, v[c] == null ? "" : v[c], false, c == 1 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
        if (c == 0) {
          CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
          pr.addNewVMerge().setVal(v[0] != null ? STMerge.RESTART : STMerge.CONTINUE);
        }
      }
    }
  }

  private static void cell(XWPFTableCell cell, int column, String text, boolean bold, ParagraphAlignment align) {
    CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    var w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
    w.setW(BigInteger.valueOf(WIDTHS[column]));
    w.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth.DXA);
    pr.addNewVAlign().setVal(STVerticalJc.CENTER);
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setAlignment(align);
    p.setSpacingBefore(40);
    p.setSpacingAfter(40);
    if (!text.isEmpty()) run(p, text, 10.5, bold);
  }

  private static void paragraph(XWPFDocument doc, String text, double size, boolean bold, ParagraphAlignment align, int indentChars) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(align);
    p.setSpacingAfter(120);
    if (indentChars > 0) p.setIndentationFirstLine((int) Math.round(indentChars * size * 20));
    run(p, text, size, bold);
  }

  private static XWPFRun run(XWPFParagraph p, String text, double size, boolean bold) {
    XWPFRun r = p.createRun();
    if (text != null) r.setText(text);
    r.setFontSize(size);
    r.setBold(bold);
    r.setFontFamily(FONT);
    CTFonts fonts = r.getCTR().getRPr().getRFontsList().isEmpty() ? r.getCTR().getRPr().addNewRFonts() : r.getCTR().getRPr().getRFontsArray(0);
    fonts.setEastAsia(FONT);
    return r;
  }
}
