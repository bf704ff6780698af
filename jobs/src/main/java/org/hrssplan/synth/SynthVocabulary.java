package org.hrssplan.synth;

import java.util.List;
import java.util.Map;

/**
 * Every fixed word, sentence and number range the synthetic plans are written from, in one place.
 *
 * <p>Why these forms and no others: each is one the existing extractor reads exactly (see the seeds in
 * {@code data/raw/plans} and {@code TableLocator}, {@code ValueParser}, {@code ProseTargetExtractor}). Prose
 * sentences carry no digits except in target clauses, because every "number + unit" inside a 主要目标 section
 * is read as a target. Headings never contain 主要目标/发展目标 except the one goal heading, and no prose line
 * starts with 专栏/表/附表, which would open a table.
 */
final class SynthVocabulary {
  private SynthVocabulary() {}

  /** Default number of county-level regions: about the national count. */
  static final int DEFAULT_REGIONS = 2850;
  static final long DEFAULT_SEED = 42L;

  /** Canonical indicators drawn per document (the union of both tables and prose). */
  static final int MIN_INDICATORS = 15;
  static final int MAX_INDICATORS = 35;

  /**
   * Characters region names are made of. Place-name characters; any that also occurs in the fixed text of a
   * plan or in the catalog is dropped at start ({@link RegionRoster}), so a short name (two characters) can
   * occur in a document only where the document names its own region.
   */
  static final String NAME_CHARS =
      "岚峪嵩桐柘枫樟楠榆槐桓沅澧溆涟浏渌汨潇漓邕琼黔滇蜀晋冀豫皖赣闽浙岷邛雅蓬阆巴渝涪綦璧荣丰垫忠梁黎"
          + "崇汶茂松潘壤若羌岐陇洮岷泾渭汾沁潞晗曦昕昀暄瑶琳琨瑜璋珙珂琪璠翠屏峨眉犍沐筠珙凤鸾鹤鹏麟"
          + "苍梧桂柳贺藤蒙钟灵秀岑溪容邑兰芷蕙茗芙蓉菱荷莲苇蒿葛蓼芦荻淇滑浚汲睢杞柘鄢郾舞叶郏汝";

  /** Province-level units (GB/T 2260 first two digits) that regions are placed in; municipalities have no parent city. */
  record Province(String code, String name, boolean municipality) {}

  static final List<Province> PROVINCES = List.of(
      new Province("11", "北京市", true), new Province("12", "天津市", true), new Province("13", "河北省", false),
      new Province("14", "山西省", false), new Province("15", "内蒙古自治区", false), new Province("21", "辽宁省", false),
      new Province("22", "吉林省", false), new Province("23", "黑龙江省", false), new Province("31", "上海市", true),
      new Province("32", "江苏省", false), new Province("33", "浙江省", false), new Province("34", "安徽省", false),
      new Province("35", "福建省", false), new Province("36", "江西省", false), new Province("37", "山东省", false),
      new Province("41", "河南省", false), new Province("42", "湖北省", false), new Province("43", "湖南省", false),
      new Province("44", "广东省", false), new Province("45", "广西壮族自治区", false), new Province("46", "海南省", false),
      new Province("50", "重庆市", true), new Province("51", "四川省", false), new Province("52", "贵州省", false),
      new Province("53", "云南省", false), new Province("54", "西藏自治区", false), new Province("61", "陕西省", false),
      new Province("62", "甘肃省", false), new Province("63", "青海省", false), new Province("64", "宁夏回族自治区", false),
      new Province("65", "新疆维吾尔自治区", false));

  /** County-level regions per prefecture city before a new city code is opened. */
  static final int MAX_COUNTIES_PER_CITY = 12;

  // ------------------------------------------------------------------ document text
  static final List<String> TITLE_FORMS = List.of(
      "%s人力资源和社会保障事业发展“十四五”规划",
      "%s人力资源和社会保障“十四五”规划",
      "%s就业和社会保障“十四五”规划");

  static final String INTRO =
      "为推动%1$s人力资源和社会保障事业高质量发展,根据《%1$s国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》,"
          + "结合%2$s实际,制定本规划。";

  static final String CHAPTER_REVIEW = "第一章 “十三五”时期发展回顾";
  static final String SECTION_ACHIEVEMENTS = "第一节 发展成就";
  static final List<String> REVIEW_PARAGRAPHS = List.of(
      "“十三五”时期,在%s党委政府的坚强领导下,全%s人力资源和社会保障系统坚持以人民为中心的发展思想,各项事业取得显著成就。",
      "就业局势保持总体稳定,积极就业政策体系更加完善,公共就业服务体系基本形成,重点群体就业得到有效保障。",
      "社会保障体系不断健全,全民参保计划深入实施,社会保险待遇稳步提高,基金运行安全平稳。",
      "人才队伍持续壮大,劳动关系总体和谐稳定,人社公共服务能力明显增强,为全面建成小康社会提供了有力支撑。");
  static final String SECTION_SITUATION = "第二节 面临形势";
  static final List<String> SITUATION_PARAGRAPHS = List.of(
      "“十四五”时期,人力资源和社会保障事业发展面临的内外部环境发生深刻复杂变化,机遇和挑战并存。",
      "人口老龄化程度加深,就业结构性矛盾依然突出,社会保障制度可持续发展面临压力,必须增强忧患意识。");

  static final String CHAPTER_REQUIREMENTS = "第二章 “十四五”时期总体要求";
  static final String SECTION_GUIDANCE = "第一节 指导思想";
  static final String GUIDANCE =
      "坚持以习近平新时代中国特色社会主义思想为指导,坚持稳中求进工作总基调,坚持以人民为中心的发展思想,推动人社事业高质量发展。";
  /** The goal headings ProseTargetExtractor opens a goal section at (short, no 。). */
  static final List<String> GOAL_HEADINGS = List.of("第二节 主要目标", "第二节 发展目标", "(二)主要目标");
  static final String GOAL_INTRO = "“十四五”时期,全%s人力资源和社会保障事业发展要努力实现以下目标:";
  /** Closes the goal section (a 远景目标 line of at most 20 characters). */
  static final String VISION_HEADING = "二〇三五年远景目标:";
  static final String VISION =
      "展望二〇三五年,更高质量更加充分的就业基本实现,覆盖全民的多层次社会保障体系更加健全,人社基本公共服务实现均等化。";

  /** Theme sentence opening a goal paragraph, by catalog category. */
  static final Map<String, String> GOAL_THEMES = Map.of(
      "就业创业", "实现更加充分更高质量就业。就业结构更加合理,就业环境更加优化,重点群体就业得到有效保障",
      "社会保障", "多层次社会保障体系更加健全。社会保险覆盖面持续扩大,待遇水平稳步提高,基金运行安全可持续",
      "人才", "人才队伍建设不断加强。人才发展环境更加优越,人才结构更加合理,人才效能更好发挥",
      "劳动关系", "和谐劳动关系机制更加健全。劳动人事争议处理机制不断完善,劳动者合法权益得到充分保障",
      "公共服务", "人社公共服务质效明显提升。基本公共服务标准体系进一步完善,服务可及性和均等化水平显著增强");
  static final List<String> CATEGORY_ORDER = List.of("就业创业", "社会保障", "人才", "劳动关系", "公共服务");
  /** Section rows of the tables (一、就业创业 …), by category. */
  static final Map<String, String> SECTION_ROWS = Map.of(
      "就业创业", "就业创业", "社会保障", "社会保障", "人才", "人才队伍建设", "劳动关系", "劳动关系", "公共服务", "公共服务");
  static final String CHINESE_ORDINALS = "一二三四五六七八九十";

  static final List<String> LATER_CHAPTERS = List.of(
      "第三章 推动实现更加充分更高质量就业",
      "第四章 健全多层次社会保障体系",
      "第五章 激发人才创新创造活力",
      "第六章 构建和谐劳动关系",
      "第七章 提升人社公共服务水平",
      "第八章 保障措施");
  /** Paragraphs of each later chapter, in the order of {@link #LATER_CHAPTERS}. */
  static final List<List<String>> LATER_PARAGRAPHS = List.of(
      List.of("坚持经济发展就业导向,将实现更加充分更高质量就业作为经济社会发展的优先目标,支持规范新就业形态发展。",
          "深入实施乡村振兴战略,拓宽农村劳动力就近就地就业、转移输出就业和返乡创业渠道,统筹推进城乡就业。"),
      List.of("深入推进全民参保计划,努力实现职工基本养老保险法定人群全覆盖,积极促进灵活就业人员参加企业职工基本养老保险。",
          "加强社会保险基金监管,健全政策、经办、信息、监督“四位一体”的基金管理风险防控体系。"),
      List.of("完善人才评价机制,深化职称制度改革,推进技能人才评价制度改革,畅通人才流动渠道。",
          "发挥用人主体作用,健全人才引进、培养、使用、评价、激励机制,营造良好人才发展环境。"),
      List.of("健全劳动关系协调机制,全面实行劳动合同制度,稳妥推进集体合同制度,巩固根治欠薪成果。"),
      List.of("推进“互联网+人社”建设,加快社会保障卡应用,推动人社服务事项全程网办、就近可办。"),
      List.of("加强组织领导,强化规划实施的监测评估,确保规划目标任务如期完成。"));
  /** A project box: a 专栏 whose title does not speak of 指标, so the extractor rightly does not read it. */
  static final String PROJECT_BOX_TITLE = "专栏%d 就业创业重点工程";
  static final List<String> PROJECT_BOX_LINES = List.of(
      "就业失业动态监测工程:建立监测人员队伍,适时发布就业需求和失业预警信息。",
      "创业孵化平台建设工程:培育打造创新创业孵化平台,完善创业服务体系。");

  // ------------------------------------------------------------------ tables
  static final String TITLE_13 = "“十三五”规划主要指标完成情况";
  static final String TITLE_13_BARE = "“十三五”时期%s人力资源和社会保障事业发展主要指标完成情况";
  static final String TITLE_14 = "“十四五”时期主要指标";
  static final List<String> LABEL_HEADERS = List.of("指标", "指标名称");
  static final List<String> BASE_15_HEADERS = List.of("2015年基数", "2015年");
  static final List<String> TARGET_20_HEADERS = List.of("“十三五”规划目标", "2020年目标", "规划目标");
  static final List<String> ACTUAL_20_HEADERS = List.of("2020年完成数", "完成情况", "2020年完成情况");
  static final List<String> BASE_20_HEADERS = List.of("2020年基数", "2020年");
  static final List<String> TARGET_25_HEADERS = List.of("2025年目标", "2025年", "规划目标");
  static final List<String> ATTRIBUTE_HEADERS = List.of("属性", "指标属性");
  // ---- the shapes found by their header (BLANK_CELLS, TWO_LEVEL, HTML)
  static final String UNIT_HEADER = "单位";
  static final List<String> TWO_LEVEL_HEADERS = List.of("一级指标", "二级指标", UNIT_HEADER);
  static final String CATEGORY_HEADER = "类别";
  /** Titles without a 专栏N label; a table may also have none ({@link #UNTITLED_TABLE_SHARE}). */
  static final List<String> BLANK_TITLES_13 = List.of("“十三五”时期主要指标完成情况表", "“十三五”规划主要指标完成情况");
  static final List<String> BLANK_TITLES_14 = List.of("主要指标表", "“十四五”时期主要指标表", "“十四五”时期人力资源和社会保障主要指标表");
  static final double UNTITLED_TABLE_SHARE = 0.15;
  /** 十三五 headers that carry the period themselves (2020, 十三五), since the title may not. */
  static final List<String> BLANK_TARGET_20_HEADERS = List.of("“十三五”规划目标", "2020年目标");
  static final List<String> BLANK_ACTUAL_20_HEADERS = List.of("2020年完成数", "2020年完成情况");
  static final List<String> BLANK_BASE_20_HEADERS = List.of("2020年", "2020年基数", "2020年基准");
  static final List<String> BLANK_TARGET_25_HEADERS = List.of("2025年目标", "2025年");
  static final List<String> HTML_TITLES_13 = List.of(TITLE_13, "“十三五”时期主要指标完成情况");
  /** The HTML header cell spanning value columns, and the headers under it: the column's path names the period. */
  static final String SPAN_13 = "“十三五”时期";
  static final String SPAN_14 = "“十四五”时期";
  static final List<String> SPANNED_TARGET_20_HEADERS = List.of("规划目标", "目标值", "2020年目标");
  static final List<String> SPANNED_ACTUAL_20_HEADERS = List.of("2020年完成数", "完成情况", "完成值");
  static final List<String> SPANNED_TARGET_25_HEADERS = List.of("2025年目标", "目标值", "2025年");
  static final String BINDING = "约束性";
  static final String ANTICIPATORY = "预期性";
  static final String NOTE_BRACKETS = "注:[ ]内为五年累计数。";
  static final String NOTE_MARKED = "注:带*为本地增加指标;[ ]内为五年累计数。";
  static final String MISSING = "—";
  static final String MISSING_ASCII = "-";
  static final List<String> QUALITATIVE_VALUES = List.of("动态清零", "保持动态清零", "实现动态消除");

  /** Share of value cells printed as "—" (no base figure). */
  static final double MISSING_BASE_SHARE = 0.04;
  /** Share of rows whose label prints no unit (the catalog unit is then assumed unless the cell prints one). */
  static final double LABEL_WITHOUT_UNIT_SHARE = 0.15;
  /** Share of person-count rows printed in 人 instead of 万人 (values scaled, converted back by the extractor). */
  static final double SMALL_UNIT_SHARE = 0.08;
  static final double ALIAS_SHARE = 0.2;
  static final double MARKED_LABEL_SHARE = 0.08;
  static final double ATTRIBUTE_COLUMN_SHARE = 0.85;

  /** Canonical-unit value ranges [low, high) for the first figure of an indicator, by id; else by unit and kind. */
  static final Map<String, double[]> RANGES_BY_ID = Map.ofEntries(
      Map.entry("registered_urban_unemployment_rate", new double[] {2.0, 4.5}),
      Map.entry("surveyed_urban_unemployment_rate", new double[] {3.5, 5.5}),
      Map.entry("employee_medical_inpatient_reimbursement", new double[] {75, 88}),
      Map.entry("resident_medical_inpatient_reimbursement", new double[] {60, 75}),
      Map.entry("high_skilled_share", new double[] {20, 38}),
      Map.entry("dispute_mediation_success_rate", new double[] {55, 75}),
      Map.entry("full_employment_community_share", new double[] {60, 95}),
      Map.entry("full_employment_village_share", new double[] {40, 90}),
      Map.entry("registered_urban_unemployed", new double[] {0.1, 1.2}),
      Map.entry("basic_pension_insured", new double[] {10, 60}),
      Map.entry("employee_pension_insured", new double[] {3, 25}),
      Map.entry("resident_pension_insured", new double[] {10, 50}),
      Map.entry("employee_medical_insured", new double[] {3, 20}),
      Map.entry("resident_medical_insured", new double[] {20, 90}),
      Map.entry("social_security_card_holders", new double[] {30, 120}),
      Map.entry("rural_labor_transferred", new double[] {5, 30}),
      Map.entry("rural_labor_transferred_in_province", new double[] {2, 12}),
      Map.entry("senior_title_talent", new double[] {0.05, 0.5}),
      Map.entry("high_level_professional_talent", new double[] {0.02, 0.3}),
      Map.entry("postdoc_recruits", new double[] {0, 8}),
      Map.entry("harmonious_labor_relations_enterprises", new double[] {100, 900}));
  static final double[] RATE_RANGE = {80, 99};
  static final double[] STOCK_PERSONS_RANGE = {0.5, 15};
  static final double[] FLOW_PERSONS_RANGE = {0.5, 8};
  static final double[] FLOW_PERSON_TIMES_RANGE = {0.3, 12};
  static final double[] FLOW_PERSONS_UNIT_RANGE = {300, 5000};
  static final double[] FLOW_WAN_YUAN_RANGE = {200, 5000};
  static final double[] YI_YUAN_RANGE = {0.5, 12};
  static final double[] WAN_GE_RANGE = {0.5, 3};
  static final double[] ANNUAL_PERSONS_RANGE = {0.1, 1};

  /** Label preferred over name_zh in tables and prose (name_zh names one city). */
  static final Map<String, String> PREFERRED_LABELS = Map.of("harmonious_labor_relations_enterprises", "和谐劳动关系达标企业");

  /** A comparator form of a value: words or symbols before and after the number, and the comparator they mean. */
  record Form(String before, String after, String comparator) {}

  /** Table targets of a lower-is-better rate (失业率): ceilings as the seeds print them. */
  static final List<Form> TABLE_CEILINGS = List.of(new Form("≤", "", "<="), new Form("<", "", "<"), new Form("", "以内", "<="),
      new Form("", "", null));
  /** Table targets of a higher-is-better indicator: floors, or the plain figure (most often). */
  static final List<Form> TABLE_FLOORS = List.of(new Form("≥", "", ">="), new Form(">", "", ">"), new Form("", "以上", ">="),
      new Form("", "", null), new Form("", "", null), new Form("", "", null));
  /** 嘉定-style cells of five-year sums and yearly flows, with their unit printed in the cell. */
  static final Form CUMULATIVE_TARGET = new Form("累计不低于", "", ">=");
  static final Form CUMULATIVE_DONE = new Form("累计完成", "", null);
  static final Form ANNUAL_TARGET = new Form("每年不低于", "", ">=");
  static final Form ANNUAL_DONE = new Form("每年均超过", "", ">");
  static final String CELL_WORDS = "累计不低于累计完成每年不低于每年均超过≤<≥>＜＞以内以上【】[]";
  /** Indicators printed as 其中: sub-rows (叙永 style). */
  static final java.util.Set<String> SUB_INDICATORS = java.util.Set.of("migrant_worker_training",
      "rural_labor_transferred_in_province", "high_skilled_talent_total", "senior_title_talent", "new_senior_skill_certificates");

  // ------------------------------------------------------------------ prose targets
  static final List<String> PROSE_LEADS = List.of("", "全%s", "“十四五”期末,全%s");
  /** Verb before a number without a comparator word; none of these ends with a comparator word. */
  static final List<String> NEUTRAL_VERBS = List.of("达到", "力争达到", "稳定在", "保持在");
  /** Prose targets of a lower-is-better indicator. */
  static final List<Form> PROSE_CEILINGS = List.of(new Form("控制在", "以内", "<="), new Form("不超过", "", "<="),
      new Form("低于", "", "<"), new Form("控制在", "以下", "<="), new Form("控制在", "", null));
  /** Prose targets of a higher-is-better indicator. */
  static final List<Form> PROSE_FLOORS = List.of(new Form("达到", "以上", ">="), new Form("不低于", "", ">="),
      new Form("不少于", "", ">="), new Form("超过", "", ">"), new Form("稳定在", "左右", "~"), new Form("达到", "", null),
      new Form("力争达到", "", null), new Form("保持在", "", null));
  static final List<String> PROSE_COMPARATOR_WORDS = List.of("控制在", "以内", "不超过", "低于", "以下", "以上", "不低于", "不少于",
      "超过", "左右");
  /** Leads that make a prose target a five-year sum (ProseTargetExtractor: 累计, 5年内). */
  static final List<String> CUMULATIVE_LEADS = List.of("", "5年内", "累计");
  static final String ANNUAL_LEAD = "每年";

  /**
   * Two targets in one clause, "A和B…分别达到x、y" (叙永, 达川): the subject before 分别 splits at 和/、 and the
   * first part is completed with the tail of the second.
   */
  record Pair(String firstId, String secondId, String subject) {}

  static final List<Pair> PAIRS = List.of(
      new Pair("unemployment_insurance_insured", "work_injury_insurance_insured", "失业保险和工伤保险参保人数"),
      new Pair("professional_technical_talent", "skilled_talent_total", "专业技术人才总量和技能人才总量"),
      new Pair("employee_medical_inpatient_reimbursement", "resident_medical_inpatient_reimbursement",
          "城镇职工基本医疗保险、城乡居民基本医疗保险在政策范围内的住院费支付比例"));
  static final List<Form> PAIR_FORMS = List.of(new Form("达到", "", null), new Form("不低于", "", ">="),
      new Form("稳定在", "左右", "~"), new Form("达到", "以上", ">="));
  static final String PROSE_PAIR_WORDS = "失业保险和工伤保险参保人数专业技术人才总量和技能人才总量"
      + "城镇职工基本医疗保险、城乡居民基本医疗保险在政策范围内的住院费支付比例分别、";
  /** Indicators never stated in prose: no quantity, or a name with parentheses or 、 that would cut the clause. */
  static final java.util.Set<String> NOT_IN_PROSE = java.util.Set.of("zero_employment_family_members", "professional_title_structure",
      "grassroots_service_standardization_rate");
  static final double PROSE_SHARE = 0.35;
  static final int MIN_PROSE_TARGETS = 3;
  static final int MAX_PROSE_TARGETS = 10;

  /** All fixed text a plan is written from (region names must share no character with it). */
  static String allFixedText() {
    StringBuilder b = new StringBuilder();
    TITLE_FORMS.forEach(b::append);
    b.append(INTRO).append(CHAPTER_REVIEW).append(SECTION_ACHIEVEMENTS).append(SECTION_SITUATION);
    REVIEW_PARAGRAPHS.forEach(b::append);
    SITUATION_PARAGRAPHS.forEach(b::append);
    b.append(CHAPTER_REQUIREMENTS).append(SECTION_GUIDANCE).append(GUIDANCE).append(GOAL_INTRO).append(VISION_HEADING).append(VISION);
    GOAL_HEADINGS.forEach(b::append);
    GOAL_THEMES.values().forEach(b::append);
    SECTION_ROWS.values().forEach(b::append);
    b.append(CHINESE_ORDINALS);
    LATER_CHAPTERS.forEach(b::append);
    LATER_PARAGRAPHS.forEach(l -> l.forEach(b::append));
    b.append(PROJECT_BOX_TITLE);
    PROJECT_BOX_LINES.forEach(b::append);
    b.append(TITLE_13).append(TITLE_13_BARE).append(TITLE_14);
    b.append(UNIT_HEADER).append(CATEGORY_HEADER).append(SPAN_13).append(SPAN_14);
    for (List<String> l : List.of(TWO_LEVEL_HEADERS, BLANK_TITLES_13, BLANK_TITLES_14, BLANK_TARGET_20_HEADERS,
        BLANK_ACTUAL_20_HEADERS, BLANK_BASE_20_HEADERS, BLANK_TARGET_25_HEADERS, HTML_TITLES_13, SPANNED_TARGET_20_HEADERS,
        SPANNED_ACTUAL_20_HEADERS, SPANNED_TARGET_25_HEADERS)) {
      l.forEach(b::append);
    }
    for (List<String> l : List.of(LABEL_HEADERS, BASE_15_HEADERS, TARGET_20_HEADERS, ACTUAL_20_HEADERS, BASE_20_HEADERS,
        TARGET_25_HEADERS, ATTRIBUTE_HEADERS, QUALITATIVE_VALUES, PROSE_LEADS, NEUTRAL_VERBS, PROSE_COMPARATOR_WORDS)) {
      l.forEach(b::append);
    }
    b.append(BINDING).append(ANTICIPATORY).append(NOTE_BRACKETS).append(NOTE_MARKED).append(MISSING);
    b.append(CELL_WORDS).append(PROSE_PAIR_WORDS);
    return b.toString();
  }
}
