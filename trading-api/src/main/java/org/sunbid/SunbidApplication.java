package org.sunbid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Sunbid trading platform service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SunbidApplication {

    public static void main(String[] args) {
        SpringApplication.run(SunbidApplication.class, args);
    }
}
