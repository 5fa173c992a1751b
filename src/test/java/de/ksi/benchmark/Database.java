// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

/** The two databases every figure is measured on. */
enum Database {
  H2("H2"),
  POSTGRES("PostgreSQL");

  /**
   * A fixed, published benchmark key for the child's personal data at rest (base64 of 32 bytes).
   */
  static final String DATA_KEY = "YmVuY2htYXJrLWtleS1ub3QtZm9yLXJlYWwtZGF0YSE=";

  /** The shared PostgreSQL server; the benchmark only creates and drops its own databases on it. */
  static final String POSTGRES_URL = env("KSI_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");

  static final String POSTGRES_USER = env("KSI_DB_USER", "postgres");

  private final String label;

  Database(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  private static String env(String key, String fallback) {
    String value = System.getenv(key);
    return value == null || value.isBlank() ? fallback : value;
  }
}
