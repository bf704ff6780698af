package org.hrssplan.synth;

/** A synthetic county-level region, with the columns of {@code data/raw/regions.csv}. */
record SyntheticRegion(String code, String name, String level, String parentCity, String province, String sourceFile) {

  /** The name without its level suffix (岚峪县 → 岚峪), as the plans also write it. */
  String shortName() {
    return name.substring(0, name.length() - 1);
  }

  /** 县, 区 or 市: the word of 全县 / 全区 / 全市. */
  String levelChar() {
    return name.substring(name.length() - 1);
  }
}
