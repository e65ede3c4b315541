package dev.politely.bench.baseline;

import java.net.URI;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The intake's baseline: the same web starter (Spring MVC on Tomcat, Boot's defaults),
 * the same path, the body read and a 202 with a body of the same shape written by
 * Jackson, and nothing else: no signature, no validation, no Kafka. Run as its own
 * process with the intake's JVM options, on the same load generator.
 */
@SpringBootApplication
@RestController
public class BareIntakeApplication {

	private static final UUID ID = UUID.nameUUIDFromBytes("bench".getBytes());

	public static void main(String[] args) {
		SpringApplication.run(BareIntakeApplication.class, args);
	}

	@PostMapping("/v1/owners/{ownerId}/solicitations")
	ResponseEntity<Accepted> receive(@PathVariable String ownerId, @RequestBody byte[] body) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/v1/owners/" + ownerId + "/solicitations/" + ID))
			.body(new Accepted(ID, "RECEIVED"));
	}

	record Accepted(UUID solicitationId, String status) {
	}

}
