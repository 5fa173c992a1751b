// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** AES-GCM for personal columns: round trip, a fresh IV per value, clear refusals of missing and wrong keys. */
class FieldCipherTest {

  private final FieldCipher cipher = new FieldCipher(newKey(), false);

  @Test
  void encryptedValuesDecryptToThePlainTextAndNeverContainIt() {
    String stored = cipher.encrypt("Lea Vertraulich, Ölweg 3");

    assertThat(stored).startsWith("v1:").doesNotContain("Lea", "Vertraulich");
    assertThat(cipher.decrypt(stored)).isEqualTo("Lea Vertraulich, Ölweg 3");
    assertThat(cipher.encrypt(null)).isNull();
  }

  @Test
  void everyValueGetsItsOwnIv() {
    assertThat(cipher.encrypt("Muster")).isNotEqualTo(cipher.encrypt("Muster"));
  }

  @Test
  void aWrongKeyFailsClearlyInsteadOfReturningGarbage() {
    String stored = cipher.encrypt("Muster");

    assertThatThrownBy(() -> new FieldCipher(newKey(), false).decrypt(stored))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ksi.security.data-key");
  }

  @Test
  void aTamperedValueIsRefused() {
    String stored = cipher.encrypt("Muster");
    String tampered = stored.substring(0, stored.length() - 2) + (stored.endsWith("A=") ? "B=" : "A=");

    assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void missingShortAndDemoKeysAreRefusedWithTheSettingNamed() {
    assertThatThrownBy(() -> new FieldCipher("", false)).hasMessageContaining("KSI_DATA_KEY");
    assertThatThrownBy(() -> new FieldCipher(Base64.getEncoder().encodeToString(new byte[16]), false))
        .hasMessageContaining("256 bits");
    assertThatThrownBy(() -> new FieldCipher(FieldCipher.DEMO_KEY, false)).hasMessageContaining("demo key");
    assertThat(new FieldCipher(FieldCipher.DEMO_KEY, true).decrypt(new FieldCipher(FieldCipher.DEMO_KEY, true).encrypt("x")))
        .isEqualTo("x");
  }

  @Test
  void theProductionProfileRefusesToStartWithoutAKey() {
    new ApplicationContextRunner()
        .withInitializer(new ConfigDataApplicationContextInitializer())
        .withPropertyValues("spring.profiles.active=postgres")
        .withUserConfiguration(CipherOnly.class)
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("KSI_DATA_KEY");
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
