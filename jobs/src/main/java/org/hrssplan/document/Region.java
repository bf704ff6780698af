package org.hrssplan.document;

/** A region (county-level, or a city or province row) as listed in {@code data/raw/regions.csv} (GB/T 2260 code). */
public record Region(String code, String name, String level, String parentCity, String province, String sourceFile)
    implements java.io.Serializable {

  /** The name without its level suffix (达川区 → 达川), as documents often write it. */
  public String shortName() {
    return name.length() >= 3 && name.matches(".*[区县市旗]$") ? name.substring(0, name.length() - 1) : name;
  }

  private static final java.util.regex.Pattern AUTONOMOUS = java.util.regex.Pattern.compile("^(.{2,}?)(?:[^族]{1,3}族|维吾尔)*自治[区州县旗]$");

  /**
   * The short name of a parent city or province as documents write it: 长春市 → 长春, 四川省 → 四川, 凉山彝族自治州 →
   * 凉山, 广西壮族自治区 → 广西, 香港特别行政区 → 香港; a name of two characters stays whole.
   */
  public static String placeShortName(String name) {
    java.util.regex.Matcher m = AUTONOMOUS.matcher(name);
    if (m.matches()) return m.group(1);
    if (name.endsWith("特别行政区") && name.length() > 5) return name.substring(0, name.length() - 5);
    if (name.endsWith("地区") && name.length() >= 4) return name.substring(0, name.length() - 2);
    return name.length() >= 3 && name.matches(".*[省市区县旗州盟]$") ? name.substring(0, name.length() - 1) : name;
  }
}
