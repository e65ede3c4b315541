package dev.politely.policy;

import dev.politely.support.FixedPartitions;
import dev.politely.support.PublicHealth;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

@SpringBootApplication
@Import({ FixedPartitions.class, PublicHealth.class })
@ConfigurationPropertiesScan
@PropertySource("classpath:policy-service.properties")
public class PolicyApplication {

	public static void main(String[] args) {
		SpringApplication.run(PolicyApplication.class, args);
	}

}
