package org.hrssplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.hrssplan.config.AppConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The {@code endpoint:} section of {@code conf/hrss.yaml}: where {@code hrss serve} listens and what it needs.
 * Closed by default: on a loopback address only this machine connects and no password is asked; on any other
 * address a password file ({@code users}) and a TLS keystore are required, because Trino accepts passwords over
 * HTTPS only.
 */
public record EndpointSettings(String host, int port, String javaHome, String heap, String users, String tlsKeystore,
    String tlsKeystorePasswordEnv) {
  public static final EndpointSettings DEFAULTS =
      new EndpointSettings("127.0.0.1", 8090, "", "auto", "", "", "HRSS_TLS_KEYSTORE_PASSWORD");

  public static EndpointSettings of(JsonNode node, String source) throws IOException {
    EndpointSettings d = DEFAULTS;
    EndpointSettings s = new EndpointSettings(node.path("host").asText(d.host), node.path("port").asInt(d.port),
        node.path("java_home").asText(d.javaHome), node.path("heap").asText(d.heap), node.path("users").asText(d.users),
        node.path("tls_keystore").asText(d.tlsKeystore), node.path("tls_keystore_password_env").asText(d.tlsKeystorePasswordEnv));
    if (s.port < 1 || s.port > 65534) throw new AppConfig.Invalid(source + ": endpoint.port must be between 1 and 65534, not " + s.port);
    if (!s.heap.equals("auto") && !s.heap.matches("\\d+[MG]")) {
      throw new AppConfig.Invalid(source + ": endpoint.heap must be auto or a size like 2G or 1536M, not '" + s.heap + "'");
    }
    return s;
  }

  /**
   * Beyond loopback Trino must ask for passwords, which it takes over HTTPS only: both a password file and a keystore
   * are needed. Checked when the endpoint starts, so that the nightly run never depends on it.
   */
  public void requireServable(String source) throws AppConfig.Invalid {
    if (loopback()) return;
    java.util.List<String> missing = new java.util.ArrayList<>();
    if (users.isBlank()) missing.add("endpoint.users (a password file: jobs/bin/hrss serve passwd NAME writes it)");
    if (tlsKeystore.isBlank()) missing.add("endpoint.tls_keystore (PEM or PKCS12, for HTTPS: Trino takes passwords over HTTPS only)");
    if (!missing.isEmpty()) {
      throw new AppConfig.Invalid(source + ": endpoint.host " + host + " is reachable from other machines, so set " + String.join(" and ", missing)
          + "; or keep host 127.0.0.1");
    }
  }

  /** With the password file and keystore as absolute paths ({@code resolve}: the config's rule for relative ones). */
  public EndpointSettings resolved(java.util.function.UnaryOperator<String> resolve) {
    return new EndpointSettings(host, port, javaHome, heap, users.isBlank() ? users : resolve.apply(users),
        tlsKeystore.isBlank() ? tlsKeystore : resolve.apply(tlsKeystore), tlsKeystorePasswordEnv);
  }

  /** Only this machine can connect: no password, plain HTTP. */
  public boolean loopback() {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Listening on every address of the machine. */
  private boolean wildcard() {
    return host.equals("0.0.0.0") || host.equals("::");
  }

  /** The address a client on this machine (hrss sql, the endpoint itself) connects to. */
  public String localAddress() {
    return wildcard() ? "127.0.0.1" : host;
  }

  /** The JDBC URL a client uses to reach {@code catalog.schema} through the endpoint. */
  public String jdbcUrl(String catalog, String schema) {
    String address = wildcard() ? "<this-host>" : host;
    return "jdbc:trino://" + address + ":" + port + "/" + catalog + "/" + schema + (loopback() ? "" : "?SSL=true");
  }
}
