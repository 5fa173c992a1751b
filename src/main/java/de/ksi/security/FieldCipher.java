// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest with AES-256-GCM: every value gets its own random 96-bit IV,
 * stored in front of the ciphertext as {@code v2:base64(iv || ciphertext || tag)}, and is bound to
 * its place (table, row, column) as associated data, so a ciphertext copied to another row or
 * column fails to decrypt. {@code v1:} values (no associated data) are read only by migration V26,
 * which re-encrypts them; anywhere else they are refused. The key comes from {@code
 * ksi.security.data-key} ({@code KSI_DATA_KEY}); without one the application refuses to start, and
 * the published demo key is refused unless the demo is enabled.
 */
@Component
public class FieldCipher {

  /**
   * The demo installation's key. Public in this repository, hence worthless: never for real data.
   */
  public static final String DEMO_KEY = "ZGVtby1rZXktLW5vdC1mb3ItcmVhbC1kYXRhLS0tLS0=";

  static final String SETTING = "ksi.security.data-key (environment variable KSI_DATA_KEY)";
  private static final String V1 = "v1:";
  private static final String V2 = "v2:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Logger log = LoggerFactory.getLogger(FieldCipher.class);

  /**
   * One AES-GCM cipher per thread, initialised anew (key and IV) for every value: looking the
   * algorithm up costs about ten times what one field's encryption does (5.7 against 0.4 µs), and a
   * case is opened with all its fields whenever it is loaded.
   */
  private static final ThreadLocal<Cipher> CIPHERS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES/GCM is not available", e);
            }
          });

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  @Autowired
  FieldCipher(SecurityProperties properties, @Value("${ksi.demo.enabled:false}") boolean demo) {
    this(properties.dataKey(), demo);
  }

  /** A cipher for a base64 key; {@code demo} allows the published demo key. */
  public FieldCipher(String base64Key, boolean demo) {
    if (base64Key == null || base64Key.isBlank()) {
      throw new IllegalStateException(
          "No key for personal data: set "
              + SETTING
              + " to a base64-encoded 256-bit key, e.g. from `openssl rand -base64 32`.");
    }
    if (DEMO_KEY.equals(base64Key.trim())) {
      if (!demo) {
        throw new IllegalStateException(
            "The demo key is set as "
                + SETTING
                + " outside the demo (ksi.demo.enabled=false): set a key of your own, e.g. from `openssl rand -base64 32`.");
      }
      log.warn(
          "Personal data is encrypted with the published DEMO key: use this installation for demo data only.");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64Key.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(SETTING + " is not valid base64.", e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          SETTING + " must be 256 bits (32 bytes, base64-encoded), not " + bytes.length * 8 + ".");
    }
    this.key = new SecretKeySpec(bytes, "AES");
  }

  /** Encrypts a value bound to its place, e.g. {@code custody_case/SEG-2026-0042/first_name}. */
  public String encrypt(String plain, String place) {
    if (plain == null) {
      return null;
    }
    return V2 + seal(plain, place.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decrypts a value stored at the given place ({@code v2:}). A value of the first scheme ({@code
   * v1:}, bound to no place) is refused: migration V26 re-encrypted every one of them, so one found
   * now was put there afterwards, e.g. copied from an old backup of another case.
   */
  public String decrypt(String stored, String place) {
    if (stored == null) {
      return null;
    }
    if (stored.startsWith(V2)) {
      return open(stored.substring(V2.length()), place.getBytes(StandardCharsets.UTF_8));
    }
    if (stored.startsWith(V1)) {
      throw new IllegalStateException(
          "Personal data at "
              + place
              + " is encrypted without being bound to its case and column (v1:), which migration"
              + " V26 re-encrypted everywhere: refused, it may have been copied from another case.");
    }
    throw new IllegalStateException(
        "Personal data at " + place + " is not encrypted with a known scheme.");
  }

  /**
   * Decrypts a value of the first scheme ({@code v1:}, bound to no place): only for migration V26,
   * which re-encrypts it bound to its place.
   *
   * @deprecated only migration V26 reads unbound values
   */
  @Deprecated
  public String decryptUnbound(String stored) {
    if (stored == null || !stored.startsWith(V1)) {
      throw new IllegalStateException("not a value of the first scheme (v1:)");
    }
    return open(stored.substring(V1.length()), null);
  }

  /**
   * The first scheme, not bound to a place: written only by migration V5 (whose rows V26
   * re-encrypts).
   *
   * @deprecated use {@link #encrypt(String, String)}
   */
  @Deprecated
  public String encrypt(String plain) {
    return plain == null ? null : V1 + seal(plain, null);
  }

  private String seal(String plain, byte[] associated) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      if (associated != null) {
        cipher.updateAAD(associated);
      }
      byte[] encrypted = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(iv.length + encrypted.length).put(iv).put(encrypted).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt personal data", e);
    }
  }

  private String open(String base64, byte[] associated) {
    try {
      byte[] all = Base64.getDecoder().decode(base64);
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      if (associated != null) {
        cipher.updateAAD(associated);
      }
      return new String(
          cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException(
          "Cannot decrypt personal data: "
              + SETTING
              + " is not the key it was encrypted with, or the value was altered or moved from another row or column.",
          e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot decrypt personal data", e);
    }
  }
}
