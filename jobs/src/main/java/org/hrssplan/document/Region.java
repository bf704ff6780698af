package org.hrssplan.document;

/** A county-level region as listed in {@code data/raw/regions.csv} (GB/T 2260 code). */
public record Region(String code, String name, String level, String parentCity, String province, String sourceFile)
    implements java.io.Serializable {

  /** The name without its level suffix (达川区 → 达川), as documents often write it. */
  public String shortName() {
    return name.length() >= 3 && name.matches(".*[区县市旗]$") ? name.substring(0, name.length() - 1) : name;
  }
}
