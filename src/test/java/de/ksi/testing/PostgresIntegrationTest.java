// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring context the PostgreSQL suite ({@code *PostgresIT}, {@code mvn verify
 * -Ppostgres-tests}) shares: the {@code postgres} profile as in production (no demo data), on a
 * throwaway database of the server named by {@code KSI_DB_URL} (default {@code
 * jdbc:postgresql://localhost:5432/test}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(EngineClockReset.class)
@Import(Fixtures.class)
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = ThrowawayPostgresDatabase.class)
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=true",
      "camunda.bpm.job-execution.enabled=false",
      // a key for test data only (production refuses to start without KSI_DATA_KEY)
      "ksi.security.data-key=dGVzdC1rZXktZm9yLXBvc3RncmVzLXN1aXRlLW9ubHk="
    })
public @interface PostgresIntegrationTest {}
