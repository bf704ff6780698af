package org.hrssplan.document;

/** Text decoded from a file's bytes, with the encoding that decoded it (for the run summary). */
public record DecodedText(String text, String encoding) {}
