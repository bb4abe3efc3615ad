package dev.perfdesk.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A store contract test: runs once on SQLite and once on PostgreSQL, each time given a fresh {@link TestEngine}.
 * PostgreSQL is found as {@link TestEngine#PG_VARIABLE} says; without it and without a server at the default
 * address, the PostgreSQL run is skipped and says so.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(StoreEngines.class)
@interface EngineTest {
}
