// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * AES-GCM for personal columns: round trip, a fresh IV per value, bound to its place, clear
 * refusals of missing and wrong keys.
 */
class FieldCipherTest {

  private static final String PLACE = "custody_case/SEG-2026-0042/first_name";

  private final FieldCipher cipher = new FieldCipher(newKey(), false);

  @Test
  void encryptedValuesDecryptToThePlainTextAndNeverContainIt() {
    String stored = cipher.encrypt("Lea Vertraulich, Ölweg 3", PLACE);

    assertThat(stored).startsWith("v2:").doesNotContain("Lea", "Vertraulich");
    assertThat(cipher.decrypt(stored, PLACE)).isEqualTo("Lea Vertraulich, Ölweg 3");
    assertThat(cipher.encrypt(null, PLACE)).isNull();
  }

  @Test
  void aValueMovedToAnotherRowOrColumnIsRefused() {
    String stored = cipher.encrypt("Lea", PLACE);

    assertThatThrownBy(() -> cipher.decrypt(stored, "custody_case/SEG-2026-0043/first_name"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("moved from another row or column");
    assertThatThrownBy(() -> cipher.decrypt(stored, "custody_case/SEG-2026-0042/last_name"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRefusedValueLeavesTheNextOnesReadableWithEveryKeyAndOnEveryThread() throws Exception {
    FieldCipher other = new FieldCipher(newKey(), false);
    String stored = cipher.encrypt("Lea", PLACE);
    String storedByOther = other.encrypt("Tom", PLACE);

    // the same thread's cipher is used again after a value was refused, and for another key
    assertThatThrownBy(() -> cipher.decrypt(stored, "custody_case/SEG-2026-0043/first_name"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(cipher.decrypt(stored, PLACE)).isEqualTo("Lea");
    assertThat(other.decrypt(storedByOther, PLACE)).isEqualTo("Tom");
    assertThatThrownBy(() -> other.decrypt(stored, PLACE))
        .isInstanceOf(IllegalStateException.class);
    assertThat(cipher.decrypt(cipher.encrypt("Mia", PLACE), PLACE)).isEqualTo("Mia");

    // four threads at once, each with its own cipher, each reads back exactly its own values
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> rounds = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String plain = "Kind " + t;
        rounds.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    String place = "custody_case/SEG-2026-" + i + "/first_name";
                    if (!cipher
                        .decrypt(cipher.encrypt(plain + i, place), place)
                        .equals(plain + i)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> round : rounds) {
        assertThat(round.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @SuppressWarnings("deprecation")
  void valuesOfTheFirstSchemeAreReadOnlyByTheMigrationThatBindsThem() {
    String v1 = cipher.encrypt("Altbestand");

    assertThat(v1).startsWith("v1:");
    assertThatThrownBy(() -> cipher.decrypt(v1, PLACE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(PLACE)
        .hasMessageContaining("v1:")
        .hasMessageNotContaining("Altbestand")
        .hasNoCause();
    assertThat(cipher.decryptUnbound(v1)).as("migration V26").isEqualTo("Altbestand");
  }

  @Test
  void everyValueGetsItsOwnIv() {
    assertThat(cipher.encrypt("Muster", PLACE)).isNotEqualTo(cipher.encrypt("Muster", PLACE));
  }

  @Test
  void aWrongKeyFailsClearlyInsteadOfReturningGarbage() {
    String stored = cipher.encrypt("Muster", PLACE);

    assertThatThrownBy(() -> new FieldCipher(newKey(), false).decrypt(stored, PLACE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ksi.security.data-key");
  }

  @Test
  void aTamperedValueIsRefused() {
    String stored = cipher.encrypt("Muster", PLACE);
    String tampered =
        stored.substring(0, stored.length() - 2) + (stored.endsWith("A=") ? "B=" : "A=");

    assertThatThrownBy(() -> cipher.decrypt(tampered, PLACE))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void missingShortAndDemoKeysAreRefusedWithTheSettingNamed() {
    assertThatThrownBy(() -> new FieldCipher("", false)).hasMessageContaining("KSI_DATA_KEY");
    assertThatThrownBy(
            () -> new FieldCipher(Base64.getEncoder().encodeToString(new byte[16]), false))
        .hasMessageContaining("256 bits");
    assertThatThrownBy(() -> new FieldCipher(FieldCipher.DEMO_KEY, false))
        .hasMessageContaining("demo key");
    assertThat(
            new FieldCipher(FieldCipher.DEMO_KEY, true)
                .decrypt(new FieldCipher(FieldCipher.DEMO_KEY, true).encrypt("x", PLACE), PLACE))
        .isEqualTo("x");
  }

  @Test
  void theProductionProfileRefusesToStartWithoutAKey() {
    new ApplicationContextRunner()
        .withInitializer(new ConfigDataApplicationContextInitializer())
        .withPropertyValues("spring.profiles.active=postgres")
        .withUserConfiguration(CipherOnly.class)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining("KSI_DATA_KEY");
            });
  }

  @Test
  void theDefaultProfileRunsTheDemoWithTheDemoKey() {
    new ApplicationContextRunner()
        .withInitializer(new ConfigDataApplicationContextInitializer())
        .withUserConfiguration(CipherOnly.class)
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(FieldCipher.class));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(SecurityProperties.class)
  @Import(FieldCipher.class)
  static class CipherOnly {}

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
