package org.sunbid.platform.internal;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrations open their own connections, outside the platform's pool. Flyway holds two connections while it
 * migrates (one for its history table, one for the migration itself); taken from the pool, a pool sized to the
 * requests' needs (one connection per request, see {@code OneConnectionPerRequestIntegrationTests}) could never
 * start. The connections are the pool's own settings (URL, user, password) and are closed when migration ends.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConnections {

    @Bean
    FlywayConfigurationCustomizer migrationsOutsideThePool(DataSource dataSource) {
        return flyway -> {
            if (dataSource instanceof HikariDataSource pool) {
                flyway.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            }
        };
    }
}
