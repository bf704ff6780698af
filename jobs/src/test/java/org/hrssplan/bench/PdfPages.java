package org.hrssplan.bench;

import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.document.RegionDirectory;
import org.hrssplan.extract.ExtractionResult;
import org.hrssplan.extract.PlanExtractor;
import org.hrssplan.extract.QualityThresholds;
import org.hrssplan.testing.PdfMaker;

/**
 * A long PDF plan, for jobs/bench/pdf-pages.sh: {@code build SOURCE PAGES OUT} writes a PDF of PAGES pages, the pages
 * of SOURCE imported again and again; {@code extract FILE CATALOG REGIONS} extracts it once, the way {@code hrss extract}
 * does one document, and prints {@code pdf_pages status=… observations=… tables=… extract_ms=…} (time inside the JVM,
 * from the bytes in memory to the result).
 */
public final class PdfPages {
  private PdfPages() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "build" -> {
        byte[] pdf = PdfMaker.repeatPages(Files.readAllBytes(Path.of(args[1])), Integer.parseInt(args[2]));
        Files.write(Path.of(args[3]), pdf);
        System.out.printf("built %s pages=%s bytes=%d%n", args[3], args[2], pdf.length);
      }
      case "extract" -> {
        Path file = Path.of(args[1]);
        IndicatorCatalog catalog;
        try (InputStream in = Files.newInputStream(Path.of(args[2]))) {
          catalog = IndicatorCatalog.load(in);
        }
        RegionDirectory regions;
        try (Reader r = Files.newBufferedReader(Path.of(args[3]))) {
          regions = RegionDirectory.read(r, args[3]);
        }
        byte[] bytes = Files.readAllBytes(file);
        long start = System.nanoTime();
        ExtractionResult r = new PlanExtractor(catalog, regions, QualityThresholds.DEFAULTS).extract(file.getFileName().toString(), bytes);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("pdf_pages status=%s observations=%d tables=%d findings=%d extract_ms=%d%n", r.account().status(),
            r.observations().size(), r.account().tables(), r.findings().size(), ms);
      }
      default -> throw new IllegalArgumentException("usage: PdfPages build SOURCE PAGES OUT | extract FILE CATALOG REGIONS");
    }
  }
}
