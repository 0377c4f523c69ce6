package io.herald.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The catalog over the configuration file's apps: reloads become one change per app, writes are refused. */
class AppCatalogTest {

    private static final App ONE = App.of("one", "one-key", "one-secret");
    private static final App TWO = App.of("two", "two-key", "two-secret");
    private static final Duration GRACE = Duration.ofMinutes(5);

    @Test
    void aReloadTellsEachCreatedChangedAndDeletedAppOnce() {
        ConfigAppSource file = new ConfigAppSource(List.of(ONE, TWO));
        List<String> changes = new CopyOnWriteArrayList<>();
        try (AppCatalog catalog = new AppCatalog(file, Duration.ofMinutes(1), GRACE, Clock.systemUTC())) {
            catalog.listen((before, after) -> changes.add((before == null ? "-" : before.id()) + ">" + (after == null ? "-" : after.id())));
            App three = App.of("three", "three-key", "three-secret");
            App oneDisabled = ONE.toBuilder().enabled(false).build();

            file.replace(List.of(oneDisabled, three), GRACE, Instant.now());
            catalog.refresh().join();

            assertThat(changes).containsExactlyInAnyOrder("one>one", "-" + ">three", "two>-");
            assertThat(catalog.findByKey("one-key")).contains(oneDisabled);
            assertThat(catalog.findById("two")).isEmpty();
            assertThat(catalog.all()).extracting(App::id).containsExactly("one", "three");

            changes.clear();
            catalog.refresh().join();
            assertThat(changes).as("nothing moved, nothing told").isEmpty();
        }
    }

    @Test
    void aSecretChangedInTheFileKeepsTheOldOneForTheGraceAcrossReloads() {
        ConfigAppSource file = new ConfigAppSource(List.of(ONE));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        App renewed = App.of("one", "one-key", "one-secret-renewed");

        file.replace(List.of(renewed), GRACE, now);
        App graced = file.load().get(0);
        file.replace(List.of(renewed), GRACE, now.plusSeconds(60)); // reloaded again, unchanged
        App stillGraced = file.load().get(0);

        assertThat(graced.previousSecret()).isEqualTo("one-secret");
        assertThat(stillGraced.previousSecretExpires()).isEqualTo(now.plus(GRACE));
        assertThat(graced.signedWithSecretAt(now.plusSeconds(299), "one-secret"::equals)).isTrue();
        assertThat(graced.signedWithSecretAt(now.plus(GRACE), "one-secret"::equals)).isFalse();
        assertThat(graced.signedWithSecretAt(now.plus(GRACE), "one-secret-renewed"::equals)).isTrue();
    }

    @Test
    void appsFromTheFileAreNotChangedThroughTheCatalog() {
        try (AppCatalog catalog = new AppCatalog(new ConfigAppSource(List.of(ONE)), Duration.ofMinutes(1), GRACE,
                Clock.systemUTC())) {
            assertThatThrownBy(() -> catalog.create(TWO).join()).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(AppSourceException.class).hasMessageContaining("configuration file")
                    .satisfies(e -> assertThat(((AppSourceException) e).status()).isEqualTo(409));
            assertThatThrownBy(() -> catalog.rotateSecret("one", "new", null).join())
                    .cause().isInstanceOf(AppSourceException.class);
            assertThatThrownBy(() -> catalog.update("nobody", app -> app).join())
                    .cause().isInstanceOf(AppSourceException.class).hasMessageContaining("nobody");
            assertThat(catalog.findById("one")).contains(ONE);
        }
    }

    @Test
    void twoAppsWithOneKeyAreRefusedOnReload() {
        ConfigAppSource file = new ConfigAppSource(List.of(ONE));
        assertThatThrownBy(() -> file.replace(List.of(ONE, App.of("other", "one-key", "s")), GRACE, Instant.now()))
                .hasMessageContaining("one-key");
        assertThat(file.load()).containsExactly(ONE);
    }
}
