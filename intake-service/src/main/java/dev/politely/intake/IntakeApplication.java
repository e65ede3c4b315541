package dev.politely.intake;

import dev.politely.support.FixedPartitions;
import dev.politely.support.PublicHealth;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

@SpringBootApplication
@Import({ FixedPartitions.class, PublicHealth.class })
@PropertySource("classpath:intake-service.properties")
public class IntakeApplication {

	public static void main(String[] args) {
		SpringApplication.run(IntakeApplication.class, args);
	}

}
