package org.hrssplan.document;

/** A shortcut the layers forbid, for {@code ArchitectureTest}: the document layer calling the nightly run. Never run. */
public final class UpwardImportFixture {
  private UpwardImportFixture() {}

  static int runTheNight() {
    return org.hrssplan.pipeline.NightlyJob.run(null, null, (String) null, null, null);
  }
}
