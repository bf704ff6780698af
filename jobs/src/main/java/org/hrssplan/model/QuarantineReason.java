package org.hrssplan.model;

/**
 * Why a cell, a dataset row or a whole file was quarantined: the {@code reason_code} of {@code dq_quarantine}. The code
 * is what programs and tests compare; the row's {@code reason} says the same in words, with file and line. The table of
 * reasons in docs/reading-inputs.md is this enum (a test holds the two together).
 */
public enum QuarantineReason implements Code {
  // a whole file, not read
  UNDECODABLE("the bytes are text in no encoding tried (UTF-8, UTF-16 with BOM, GB18030)"),
  EMPTY_DOCUMENT("the file is empty"),
  UNSUPPORTED_FORMAT("not a format read here (.odt, .wps, .rtf, .ofd, …): the reason says what to save it as"),
  ENCRYPTED("a password-protected Word or PDF file"),
  UNREADABLE("a corrupt or truncated file, a zip bomb, a .pdf that is no PDF"),
  NO_TEXT_LAYER("a PDF of scanned pages, without text: OCR is out of scope"),
  TEXT_NOT_DECODABLE("a PDF whose text has no Unicode map (a font without ToUnicode, as a re-distilled PDF can be): its characters cannot be read"),
  DUPLICATE_DOCUMENT("the same bytes as an earlier file: not extracted twice"),
  UNREADABLE_FILE("the file cannot be opened or read: permissions, a broken link, an I/O error"),
  TOO_LARGE("over a reading limit (limits.document_megabytes, limits.table_rows): refused before it is read"),
  NESTED_TOO_DEEPLY("elements or tables nested past limits.nesting_depth, or deeper than the reader's stack"),
  DECLARES_ENTITIES("a Word document whose XML declares a DOCTYPE (entities that read files of this machine); Word never writes one"),
  READER_FAILED("the reader failed on the document (a defect to report): the reason says where"),
  // a cell of a plan document
  REGION_NOT_IDENTIFIED("the document names no region of regions.csv clearly: its cells are kept here"),
  ROW_TOO_FEW_CELLS("a row with fewer cells than its header (a dataset row with fewer fields than its header)"),
  ROW_NOT_ALIGNED("a row of a table printed as lines whose cells fit the header's columns in no order: quarantined whole, never read shifted"),
  ROW_TOO_MANY_CELLS("a row with more cells than its header (a dataset row with more fields than its header)"),
  NON_NUMERIC("a cell that is neither a number nor a statement"),
  UNPARSEABLE_VALUE("no number can be read from the cell (a formula, 1.2.3)"),
  CONFLICTING_COMPARATORS("two comparators in one cell"),
  EMPTY_AFTER_MARKERS("only markers ([ ], *, 左右) and no value"),
  UNKNOWN_UNIT("a unit that is not in the unit table"),
  DUPLICATE_ROW("an indicator read again in the same table; a dataset row whose observation_id repeats an earlier row's"),
  UNKNOWN_COLUMN("a value in a column that is neither base, target nor actual"),
  TABLE_HEADER_NOT_FOUND("an indicator table's title with no header under it"),
  PLAN_PERIOD_UNKNOWN("a table whose title, header and document name no plan period"),
  TABLE_HEADER_NOT_UNDERSTOOD("a header without 指标 or without a value column"),
  MULTI_VALUE_CELL("a cell holding several numbers on separate lines: which one is meant is not guessed"),
  LABEL_MISSING("a row with values and no 指标 label"),
  // a normalized dataset (.csv or Parquet) read as input
  MALFORMED_CSV("a dataset .csv that is not valid CSV: the file is not read"),
  DATASET_UNREADABLE("a dataset .parquet file that is not readable Parquet: the file is not read"),
  DATASET_MISSING_COLUMNS("a dataset file without a column of the format: the file is not read"),
  DATASET_UNEXPECTED_COLUMNS("a dataset file with a column the format does not know: the file is not read"),
  DATASET_INVALID_VALUE("a dataset row with a value of the wrong type, an empty required column, an unknown code, region or indicator: the row");

  private final String description;

  QuarantineReason(String description) {
    this.description = description;
  }

  @Override
  public String description() {
    return description;
  }
}
