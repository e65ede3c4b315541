package dev.politely.support;

import java.util.Map;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /actuator/health} on the public port: the status and nothing else (contract
 * section 5), for readiness checks that can only reach the public port. Actuator itself
 * (health details, metrics, info) is served on {@code management.server.port} only; its
 * health endpoint is asked here so that both ports agree on the status and its HTTP code.
 */
@RestController
public class PublicHealth {

	private final HealthEndpoint health;

	private final HealthEndpointGroups groups;

	public PublicHealth(HealthEndpoint health, HealthEndpointGroups groups) {
		this.health = health;
		this.groups = groups;
	}

	@GetMapping(path = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> status() {
		Status status = this.health.health().getStatus();
		return ResponseEntity.status(this.groups.getPrimary().getHttpCodeStatusMapper().getStatusCode(status))
			.body(Map.of("status", status.getCode()));
	}

}
