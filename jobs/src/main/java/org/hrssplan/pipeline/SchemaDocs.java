package org.hrssplan.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.types.StructField;
import org.hrssplan.extract.ObservationCsv;

/**
 * The schema file of the normalized CSV ({@code data/normalized/indicator_observations.schema.json}), derived
 * from {@link Schemas#OBSERVATION} so that it cannot drift from the table (a test compares the two).
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
    root.putArray("primary_key").add("observation_id");
    ArrayNode cols = root.putArray("columns");
    if (!ObservationCsv.COLUMNS.equals(Schemas.columns(Schemas.OBSERVATION))) {
      throw new IllegalStateException("CSV columns and table columns differ");
    }
    for (StructField f : Schemas.OBSERVATION.fields()) {
      ObjectNode c = cols.addObject();
      c.put("name", f.name());
      c.put("type", f.dataType().simpleString());
      c.put("nullable", !f.name().equals("observation_id") && !f.name().equals("plan_period") && !f.name().equals("role"));
      c.put("description", f.getComment().get());
    }
    return m.writeValueAsString(root) + "\n";
  }

  public static void main(String[] args) throws Exception {
    System.out.print(observationSchemaJson());
  }
}
