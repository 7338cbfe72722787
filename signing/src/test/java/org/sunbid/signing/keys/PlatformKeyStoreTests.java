package org.sunbid.signing.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformKeyStoreTests {

    @TempDir
    Path dir;

    private static final char[] PW = "pw-123456".toCharArray();

    @Test
    void aSecretKeyIsCreatedOnceKeptBesideTheKeyPairsAndLoadedAgain() {
        Path file = dir.resolve("platform.p12");
        PlatformKeyStore.KeyEntry jwt = PlatformKeyStore.loadOrCreate(file, PW, "jwt", "CN=t", Duration.ofDays(1));
        SecretKey first = PlatformKeyStore.loadOrCreateSecret(file, PW, "links");
        SecretKey again = PlatformKeyStore.loadOrCreateSecret(file, PW, "links");
        SecretKey other = PlatformKeyStore.loadOrCreateSecret(file, PW, "other");

        assertThat(first.getAlgorithm()).isEqualTo("HmacSHA256");
        assertThat(first.getEncoded()).hasSize(32).isEqualTo(again.getEncoded()).isNotEqualTo(other.getEncoded());
        assertThat(PlatformKeyStore.loadOrCreate(file, PW, "jwt", "CN=t", Duration.ofDays(1)).certificate())
                .as("the key pair already there survives the secret's write").isEqualTo(jwt.certificate());
    }

    @Test
    void theSecretDoesNotOpenWithAnotherPassphrase() {
        Path file = dir.resolve("platform.p12");
        PlatformKeyStore.loadOrCreateSecret(file, PW, "links");
        assertThatThrownBy(() -> PlatformKeyStore.loadOrCreateSecret(file, "wrong-pass".toCharArray(), "links"))
                .isInstanceOf(PlatformKeyStore.KeyStoreAccessException.class);
    }
}
