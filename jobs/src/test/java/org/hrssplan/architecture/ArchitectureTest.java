package org.hrssplan.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages as layers, each using only the layers below it: a shortcut import fails here instead of in the next
 * refactor. Bottom to top (a row may use every row above it, never one below it nor its neighbour on the same row):
 *
 * <pre>
 *   model                          records, their codes as enums, the observation's column contract
 *   document                       decoding, format readers, blocks and grids, regions
 *   catalog                        indicators and units
 *   extract                        finding and reading tables, prose targets, per-document finding rules
 *   quality                        the quality gates
 *   config                         hrss.yaml, locations
 *   tables                         the registry of published tables, their schemas and rows, the current-run pointer
 *   metrics · notebooks · synth    the metric models; the notebook runner; synthetic corpora
 *   pipeline                       the nightly run's stages, Delta publishing, exports
 *   ops · endpoint                 the scheduled run (lock, fingerprint); the SQL endpoint
 *   cli                            the commands
 * </pre>
 */
class ArchitectureTest {
  /** Rows of layers, bottom first; the packages of one row do not use each other. */
  private static final List<List<String>> LAYERS = List.of(
      List.of("model"), List.of("document"), List.of("catalog"), List.of("extract"), List.of("quality"), List.of("config"),
      List.of("tables"), List.of("metrics", "notebooks", "synth"), List.of("pipeline"), List.of("ops", "endpoint"), List.of("cli"));

  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.hrssplan");
  }

  /** Every package of the project with the packages it may use: those of the rows below its own. */
  static LayeredArchitecture layers() {
    LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
    for (List<String> row : LAYERS) for (String p : row) arch = arch.layer(p).definedBy("org.hrssplan." + p + "..");
    List<String> below = new ArrayList<>();
    for (List<String> row : LAYERS) {
      for (String p : row) {
        arch = below.isEmpty() ? arch.whereLayer(p).mayNotAccessAnyLayer() : arch.whereLayer(p).mayOnlyAccessLayers(below.toArray(String[]::new));
      }
      below.addAll(row);
    }
    return arch;
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching("org.hrssplan.(*)..").should().beFreeOfCycles().check(production);
  }

  @Test
  void everyPackageUsesOnlyTheLayersBelowIt() {
    layers().check(production);
  }

  @Test
  void everyPackageOfTheProjectIsALayer() {
    List<String> named = LAYERS.stream().flatMap(List::stream).toList();
    ArchRule inALayer = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("org.hrssplan..")
        .should().resideInAnyPackage(named.stream().map(p -> "org.hrssplan." + p + "..").toArray(String[]::new));
    inALayer.check(production);
  }

  @Test
  void anUpwardImportFailsTheRule() {
    // a class of the document layer (a test fixture) that uses the pipeline: the rule must refuse it
    JavaClasses withShortcut = new ClassFileImporter().importClasses(org.hrssplan.document.UpwardImportFixture.class,
        org.hrssplan.pipeline.NightlyJob.class);
    AssertionError e = assertThrows(AssertionError.class, () -> layers().check(withShortcut));
    assertTrue(e.getMessage().contains("UpwardImportFixture") && e.getMessage().contains("NightlyJob"), e.getMessage());
  }
}
