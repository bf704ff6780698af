package org.hrssplan.endpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Trino's password file ({@code user:hash} per line): the hash is Trino's PBKDF2 form
 * {@code iterations:salt-hex:hash-hex} (PBKDF2WithHmacSHA1, 256-bit), so no {@code htpasswd} is needed;
 * bcrypt lines written by {@code htpasswd -B -C 10} are kept as they are.
 */
public final class PasswordFile {
  static final int ITERATIONS = 100_000;

  private PasswordFile() {}

  static String hash(String password) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    try {
      byte[] h = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
          .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
      return ITERATIONS + ":" + HexFormat.of().formatHex(salt) + ":" + HexFormat.of().formatHex(h);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds {@code user} to {@code file} (creating it, readable by its owner only), replacing an earlier line of that user. */
  public static void put(Path file, String user, String password) throws IOException {
    if (!user.matches("[A-Za-z0-9_.@-]+")) throw new IOException("a user name is letters, digits and _ . @ - only, not '" + user + "'");
    if (password.length() < 8) throw new IOException("a password has at least 8 characters");
    List<String> lines = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) if (!l.startsWith(user + ":")) lines.add(l);
    } else if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    lines.add(user + ":" + hash(password));
    Files.write(file, lines, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }
}
