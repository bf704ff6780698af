package org.hrssplan.tables;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hrssplan.model.ObservationColumn;

/**
 * The schema file of the normalized CSV ({@code data/normalized/indicator_observations.schema.json}), derived
 * from the contract ({@link ObservationColumn}: names, types, nullability, comments) as the table's schema is, so that
 * neither can drift (a test compares the committed file with this).
 */
public final class SchemaDocs {
  private SchemaDocs() {}

  public static String observationSchemaJson() throws Exception {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("name", "indicator_observations");
    root.put("description", "Normalized indicator dataset: one row per region × plan period × indicator × role × year, "
        + "traceable to document, line and cell. Same rows as the Delta table fct_observation.");
    root.put("format", "CSV, UTF-8 without BOM, header row, comma-separated, RFC 4180 quoting; empty cell = NULL; "
        + "booleans true/false; numbers as plain decimals");
    root.putArray("primary_key").add(ObservationColumn.OBSERVATION_ID.columnName());
    ArrayNode cols = root.putArray("columns");
    for (ObservationColumn column : ObservationColumn.ALL) {
      ObjectNode c = cols.addObject();
      c.put("name", column.columnName());
      c.put("type", column.type().sqlName());
      c.put("nullable", column.nullable());
      c.put("description", column.comment());
    }
    return m.writeValueAsString(root) + "\n";
  }

  public static void main(String[] args) throws Exception {
    System.out.print(observationSchemaJson());
  }
}
